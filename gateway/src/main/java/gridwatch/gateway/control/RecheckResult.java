package gridwatch.gateway.control;

import gridwatch.detectors.core.Reading;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a device showed when {@link GatewayControl#recheck re-checked}. */
public sealed interface RecheckResult {

    /** A sensor's latest reading per resource, with its quality and observation time. */
    record SensorLatest(String deviceId, List<Reading> readings) implements RecheckResult {
        public SensorLatest {
            readings = List.copyOf(readings);
        }
    }

    /** A camera's next analysed frame: people/objects per zone, the rules' states, and the findings it raised. */
    record CameraFrame(String deviceId, Instant at, boolean inferred, int detections, Map<String, Integer> perZone,
                       List<String> ruleStates, List<String> findings) implements RecheckResult {
        public CameraFrame {
            perZone = Map.copyOf(perZone);
            ruleStates = List.copyOf(ruleStates);
            findings = List.copyOf(findings);
        }
    }

    /** The device is known but has reported nothing yet (or its camera gave no frame in time). */
    record NothingYet(String deviceId, String why) implements RecheckResult {
    }

    /** No device with that id in the running config. */
    record UnknownDevice(String deviceId) implements RecheckResult {
    }
}
