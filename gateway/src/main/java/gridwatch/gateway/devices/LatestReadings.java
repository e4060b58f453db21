package gridwatch.gateway.devices;

import gridwatch.detectors.core.Reading;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The latest reading per device and resource, after the health gate (so with its quality). Fed on
 * the pipeline thread for every reading ({@link #accept} never blocks); read from any thread.
 */
public final class LatestReadings implements Consumer<Reading> {

    private final Map<String, Map<String, Reading>> byDevice = new ConcurrentHashMap<>();

    @Override
    public void accept(Reading r) {
        byDevice.computeIfAbsent(r.deviceId(), d -> new ConcurrentHashMap<>()).put(r.resource(), r);
    }

    /** The device's latest readings, one per resource, by resource name; empty when it reported nothing yet. */
    public List<Reading> of(String deviceId) {
        Map<String, Reading> m = byDevice.get(deviceId);
        return m == null ? List.of() : m.values().stream().sorted((a, b) -> a.resource().compareTo(b.resource())).toList();
    }
}
