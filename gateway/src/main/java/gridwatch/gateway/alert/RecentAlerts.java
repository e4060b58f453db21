package gridwatch.gateway.alert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last N alerts in memory, for the operations API. Fed by its tap's thread; read from the HTTP threads. */
public final class RecentAlerts implements AlertSink {

    private final int capacity;
    private final Deque<Alert> alerts;

    public RecentAlerts(int capacity) {
        this.capacity = capacity;
        this.alerts = new ArrayDeque<>(capacity);
    }

    @Override
    public synchronized void accept(Alert alert) {
        if (alerts.size() == capacity) {
            alerts.removeFirst();
        }
        alerts.addLast(alert);
    }

    @Override
    public String name() {
        return "recent";
    }

    /** Newest first. */
    public synchronized List<Alert> newestFirst(int limit) {
        List<Alert> out = new ArrayList<>(Math.min(limit, alerts.size()));
        var it = alerts.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next());
        }
        return out;
    }
}
