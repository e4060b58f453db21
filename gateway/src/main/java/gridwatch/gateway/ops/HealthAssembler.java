package gridwatch.gateway.ops;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.alert.outbox.OutboxStats;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.pipeline.DeviceActivity;
import gridwatch.gateway.timeseries.InfluxWriter;
import gridwatch.gateway.uplink.mqtt.UplinkState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the health report from each component's own state. DOWN when alerts can no longer be
 * stored on disk; DEGRADED when the broker is away, the outbox is nearly full, or a device has
 * gone quiet; UP otherwise.
 */
public final class HealthAssembler implements Supplier<HealthReport> {

    private final Supplier<UplinkState> uplink;
    private final Supplier<OutboxStats> outbox;
    private final Supplier<EdgeConfig> config;
    private final DeviceActivity activity;
    private final List<Source> sources;
    private final Clock clock;
    private final @Nullable InfluxWriter timeseries;

    /** @param timeseries the reading store, or null when none is configured */
    public HealthAssembler(Supplier<UplinkState> uplink, Supplier<OutboxStats> outbox, Supplier<EdgeConfig> config,
                           DeviceActivity activity, List<Source> sources, @Nullable InfluxWriter timeseries, Clock clock) {
        this.uplink = uplink;
        this.outbox = outbox;
        this.config = config;
        this.activity = activity;
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.timeseries = timeseries;
    }

    @Override
    public HealthReport get() {
        UplinkState u = uplink.get();
        OutboxStats o = outbox.get();
        boolean degraded = u.phase() != UplinkState.Phase.CONNECTED || o.full();
        Map<String, Object> components = new LinkedHashMap<>();
        Map<String, Object> up = new LinkedHashMap<>();
        up.put("state", u.phase().name());
        up.put("broker", u.broker());
        up.put("since", u.since().toString());
        up.put("connects", u.connects());
        if (u.lastError() != null) {
            up.put("lastError", u.lastError());
        }
        components.put("uplink", up);
        Map<String, Object> ob = new LinkedHashMap<>();
        ob.put("state", o.storageError() != null ? "FAILING" : o.diskLow() ? "DISK_LOW" : o.full() ? "FULL" : "OK");
        ob.put("pending", o.depth());
        ob.put("bytes", o.bytes());
        ob.put("maxBytes", o.maxBytes());
        ob.put("evicted", o.evicted());
        ob.put("dropped", o.dropped());
        ob.put("waitingInMemory", o.waitingInMemory());
        ob.put("deadLetters", o.deadLetters());
        ob.put("diskFreeBytes", o.diskFreeBytes());
        if (o.storageError() != null) {
            ob.put("error", o.storageError());
        }
        components.put("outbox", ob);
        Map<String, Object> devices = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (DeviceConfig d : config.get().devices()) {
            DeviceActivity.Seen seen = activity.of(d.id());
            Map<String, Object> dev = new LinkedHashMap<>();
            String state;
            if (seen == null) {
                state = "WAITING";
            } else if (d.staleAfterSeconds() != null
                    && Duration.between(seen.lastArrival(), now).getSeconds() > d.staleAfterSeconds()) {
                state = "STALE";
                degraded = true;
            } else {
                state = "UP";
            }
            dev.put("state", state);
            if (seen != null) {
                dev.put("lastReadingAt", seen.lastArrival().toString());
                dev.put("readings", seen.readings());
            }
            sources.stream().filter(s -> s.deviceId().equals(d.id())).findFirst()
                    .ifPresent(s -> dev.put("source", s.describe()));
            devices.put(d.id(), dev);
        }
        components.put("devices", devices);
        if (timeseries != null) {
            Map<String, Object> ts = new LinkedHashMap<>();
            boolean spooling = timeseries.lastError() != null || timeseries.spoolBytes() > 0;
            ts.put("state", spooling ? "SPOOLING" : "OK");
            ts.put("written", timeseries.written());
            ts.put("spoolBytes", timeseries.spoolBytes());
            ts.put("dropped", timeseries.dropped());
            if (timeseries.lastError() != null) {
                ts.put("lastError", timeseries.lastError());
            }
            components.put("timeseries", ts);
            degraded |= spooling;
        }
        // Dead letters need an operator (the broker refused them again and again): visible, not DOWN.
        degraded |= o.deadLetters() > 0 || o.diskLow();
        boolean down = o.storageError() != null;
        String status = down ? "DOWN" : degraded ? "DEGRADED" : "UP";
        return new HealthReport(status, true, !down, components);
    }
}
