package gridwatch.gateway.ingest.replay;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.ReplayConnection;
import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.Source;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.DeviceResource;
import gridwatch.profiles.ValueTransformer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Replays a trace as a live device would send it: each point at its offset divided by the
 * speed-up, stamped with the trace's own time ({@code startAt} + offset) so that day/night rules
 * see the hour the trace was recorded. Values outside the profile's range are marked bad.
 */
public final class ReplaySource implements Source {

    private final String deviceId;
    private final ReplayTrace trace;
    private final ReplayConnection conn;
    private final DeviceProfile profile;
    private final Clock clock;
    private volatile @Nullable Thread thread;
    private volatile int sent;
    private volatile boolean finished;

    public ReplaySource(String deviceId, ReplayTrace trace, ReplayConnection conn, DeviceProfile profile, Clock clock) {
        this.deviceId = deviceId;
        this.trace = trace;
        this.conn = conn;
        this.profile = profile;
        this.clock = clock;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public void start(ReadingSink sink) {
        thread = Thread.ofVirtual().name("replay-" + deviceId).start(() -> replay(sink));
    }

    private void replay(ReadingSink sink) {
        Instant base = conn.startAt() != null ? conn.startAt().toInstant() : clock.instant();
        try {
            do {
                long wallStart = System.nanoTime();
                for (ReplayTrace.Point p : trace.points()) {
                    long dueNanos = (long) (p.offsetSeconds() / conn.speed() * 1e9);
                    long waitNanos = dueNanos - (System.nanoTime() - wallStart);
                    if (waitNanos > 0) {
                        Thread.sleep(Duration.ofNanos(waitNanos));
                    }
                    Optional<DeviceResource> res = profile.resource(p.resource());
                    String unit = res.map(r -> r.properties().units()).orElse("");
                    Quality q = res.map(r -> ValueTransformer.inRange(r.properties(), p.value()) ? Quality.GOOD : Quality.BAD)
                            .orElse(Quality.UNCERTAIN);
                    Instant at = base.plusNanos((long) (p.offsetSeconds() * 1e9));
                    sink.accept(new Reading(deviceId, p.resource(), p.value(), unit, at, q));
                    sent++;
                }
                base = base.plusSeconds((long) Math.ceil(lastOffset()));
            } while (conn.loop());
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double lastOffset() {
        return trace.points().isEmpty() ? 0 : trace.points().getLast().offsetSeconds() + 1;
    }

    @Override
    public String describe() {
        return finished ? "replay finished (" + sent + " readings)" : "replaying " + sent + "/" + trace.points().size();
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
