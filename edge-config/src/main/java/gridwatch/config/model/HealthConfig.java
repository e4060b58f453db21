package gridwatch.config.model;

/** Which sensor-health alerts to raise; a null type means that alert is not raised. */
public record HealthConfig(String offlineAlertType, String faultAlertType, Integer faultAfterBadReadings) {

    public HealthConfig {
        faultAfterBadReadings = faultAfterBadReadings == null ? 10 : faultAfterBadReadings;
    }
}
