package gridwatch.gateway.alert;

/** The device behind an alert, as the center's asset register knows it. */
public record DeviceRef(String id, String name, String profile) {
}
