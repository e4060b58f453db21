package gridwatch.gateway.pipeline;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Reading;
import gridwatch.detectors.health.FaultWatch;
import gridwatch.detectors.health.QualityGate;
import gridwatch.detectors.health.QualityLimits;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.DeviceResource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pipeline's entrance check: each reading passes its resource's quality gate (spikes and
 * flatlines from the profile's limits become bad quality), and each device's fault watch counts
 * bad readings in a row. Pipeline thread only.
 */
public final class DeviceHealth {

    private record Key(String deviceId, String resource) {
    }

    private final Map<Key, QualityGate> gates = new HashMap<>();
    private final Map<String, FaultWatch> faults = new HashMap<>();

    public DeviceHealth(EdgeConfig config, Function<String, Optional<DeviceProfile>> profiles) {
        for (DeviceConfig d : config.devices()) {
            profiles.apply(d.profile()).ifPresent(p -> {
                for (DeviceResource r : p.deviceResources()) {
                    var props = r.properties();
                    if (props.maxStep() != null || props.flatlineReadings() != null) {
                        gates.put(new Key(d.id(), r.name()), new QualityGate(new QualityLimits(props.maxStep(), props.flatlineReadings())));
                    }
                }
            });
            if (config.health().faultAlertType() != null) {
                faults.put(d.id(), new FaultWatch(config.health().faultAlertType(), d.id(), d.zone(), config.health().faultAfterBadReadings()));
            }
        }
    }

    /** The reading as the rules should see it: bad quality when implausible. */
    public Reading gate(Reading r) {
        QualityGate g = gates.get(new Key(r.deviceId(), r.resource()));
        return g == null ? r : g.check(r);
    }

    /** A device-fault finding when this reading starts or ends a run of bad readings. */
    public Optional<Finding> fault(Reading gated) {
        FaultWatch w = faults.get(gated.deviceId());
        return w == null ? Optional.empty() : w.observe(gated);
    }
}
