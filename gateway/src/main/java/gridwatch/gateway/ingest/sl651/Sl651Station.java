package gridwatch.gateway.ingest.sl651;

import gridwatch.profiles.DeviceProfile;

/** A hydrological telemetry station (遥测站) configured on this box: its 5-byte address and password in hex. */
public record Sl651Station(String deviceId, String address, String password, DeviceProfile profile) {

    @Override
    public String toString() {
        return "Sl651Station[" + deviceId + ", address=" + address + ", password=***]";
    }
}
