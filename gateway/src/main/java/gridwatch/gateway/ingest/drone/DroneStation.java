package gridwatch.gateway.ingest.drone;

import gridwatch.config.model.DroneConnection;
import org.jspecify.annotations.Nullable;

/** A drone the ingest serves: its device id, its zone (when the config gives one) and its connection. */
public record DroneStation(String deviceId, @Nullable String zoneId, DroneConnection connection) {
}
