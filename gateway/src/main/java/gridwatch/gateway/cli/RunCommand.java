package gridwatch.gateway.cli;

import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.runtime.RunningGateway;
import gridwatch.gateway.runtime.StopSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code gridwatch run --config FILE}: runs until SIGTERM or SIGINT, then stops cleanly and exits 0 (a requested stop
 * is no failure to systemd); a start that fails exits non-zero. The signals are taken from the JVM
 * ({@link StopSignals}) so that its 128+n exit code never applies to a clean stop; a shutdown hook stays as the
 * backstop for any other way the JVM ends (System.exit elsewhere, a signal that could not be taken).
 */
@Command(name = "run", description = "Run the gateway with a box config.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Box config (YAML).")
    Path config;

    @Override
    public Integer call() throws Exception {
        EdgeConfig cfg = ConfigArgument.load(config).orElse(null);
        if (cfg == null) {
            return ConfigArgument.INVALID;
        }
        // Taken before the start, so a signal during a long start waits for it and then stops cleanly.
        try (StopSignals signals = StopSignals.install()) {
            RunningGateway running = RunningGateway.start(config, cfg, a -> { });
            AtomicBoolean stopping = new AtomicBoolean();
            // Runs on the JVM's shutdown thread; does nothing when main is already stopping the gateway (a second
            // signal, which exits at once, must not wait for that stop).
            Thread hook = new Thread(() -> {
                if (stopping.compareAndSet(false, true)) {
                    running.close();
                }
            }, "shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            String signal = signals.await();
            LOG.info("SIG{} received: stopping", signal);
            if (stopping.compareAndSet(false, true)) {
                running.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // a second signal is ending the JVM meanwhile
            }
        }
        return 0;
    }
}
