package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** Which sensor-health alerts to raise; a null type means that alert is not raised. */
public record HealthConfig(@Nullable String offlineAlertType, @Nullable String faultAlertType, Integer faultAfterBadReadings) {

    public HealthConfig(@Nullable String offlineAlertType, @Nullable String faultAlertType,
                        @Nullable Integer faultAfterBadReadings) {
        this.offlineAlertType = offlineAlertType;
        this.faultAlertType = faultAlertType;
        this.faultAfterBadReadings = faultAfterBadReadings == null ? 10 : faultAfterBadReadings;
    }
}
