package gridwatch.gateway.control;

/**
 * The running gateway as the center's commands see it. Both calls may block (a config apply waits
 * for the pipeline to swap it in, bounded; a camera re-check waits for its next analysed frame,
 * bounded): call them from a command-handling thread, never from a Paho or Netty thread.
 */
public interface GatewayControl {

    /**
     * Checks {@code yaml} exactly as {@code gridwatch validate} would (relative paths against the
     * running config's directory), and when it is valid makes it the box's config file and puts it
     * in effect: rules, thresholds, categories and alert policy at once, the rest after a restart.
     */
    ApplyResult applyConfig(String yaml);

    /**
     * Looks at a device again now: a camera analyses its next frame (its rules see it as usual);
     * a sensor reports its latest reading per resource.
     */
    RecheckResult recheck(String deviceId);
}
