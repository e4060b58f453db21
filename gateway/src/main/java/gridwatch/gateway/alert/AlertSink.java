package gridwatch.gateway.alert;

import java.util.function.Consumer;

/**
 * A subscriber to stored alerts besides the durable outbox: the log, the recent-alerts view, a test's or the demo's
 * listener. Each runs as an {@link AlertTap}, on a thread of its own fed through its own bounded queue, so it is
 * called from that one thread only and may take its time: a slow sink delays only itself.
 */
@FunctionalInterface
public interface AlertSink {

    void accept(Alert alert);

    /** Names its tap in logs, thread names and metrics. */
    default String name() {
        return getClass().getSimpleName();
    }

    static AlertSink named(String name, Consumer<Alert> consumer) {
        return new AlertSink() {
            @Override
            public void accept(Alert alert) {
                consumer.accept(alert);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
