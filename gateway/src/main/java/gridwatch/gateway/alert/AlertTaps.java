package gridwatch.gateway.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The taps stored alerts fan out to, one {@link AlertTap} per sink. Add before start; publish from any thread. */
public final class AlertTaps implements AutoCloseable {

    /**
     * Alerts a tap may fall behind by before it drops: two of the outbox's group commits (up to 2,048 alerts each
     * are stored, and reach the taps, at once), and hours of a field box's alerts.
     */
    public static final int CAPACITY = 4096;

    private final Consumer<String> onDrop;
    /** Replaced whole on add, so a publisher on another thread sees a complete list. */
    private volatile List<AlertTap> taps = List.of();

    /** @param onDrop hears the tap's name for each alert a tap drops, on the publishing thread; must not block */
    public AlertTaps(Consumer<String> onDrop) {
        this.onDrop = onDrop;
    }

    public void add(AlertSink sink) {
        String name = sink.name();
        List<AlertTap> next = new ArrayList<>(taps);
        next.add(new AlertTap(name, sink, CAPACITY, () -> onDrop.accept(name)));
        taps = List.copyOf(next);
    }

    public void start() {
        taps.forEach(AlertTap::start);
    }

    /** Never blocks: each tap queues the alert or drops it for itself. */
    public void publish(Alert alert) {
        for (AlertTap t : taps) {
            t.offer(alert);
        }
    }

    @Override
    public void close() {
        taps.forEach(AlertTap::close);
    }
}
