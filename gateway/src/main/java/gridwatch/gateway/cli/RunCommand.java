package gridwatch.gateway.cli;

import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.runtime.RunningGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code gridwatch run --config FILE}: runs until SIGTERM/SIGINT, then stops cleanly. */
@Command(name = "run", description = "Run the gateway with a box config.")
final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Box config (YAML).")
    Path config;

    @Override
    public Integer call() throws Exception {
        EdgeConfig cfg = ConfigArgument.load(config).orElse(null);
        if (cfg == null) {
            return ConfigArgument.INVALID;
        }
        RunningGateway running = RunningGateway.start(config, cfg, a -> { });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
