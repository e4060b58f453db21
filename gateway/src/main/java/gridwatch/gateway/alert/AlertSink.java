package gridwatch.gateway.alert;

/**
 * Where produced alerts go besides the durable outbox (e.g. the log, the recent-alerts view).
 * Called on the pipeline thread: implementations must not block.
 */
@FunctionalInterface
public interface AlertSink {

    void accept(Alert alert);
}
