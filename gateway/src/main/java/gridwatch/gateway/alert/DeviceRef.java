package gridwatch.gateway.alert;

import org.jspecify.annotations.Nullable;

/** The device behind an alert, as the center's asset register knows it. */
public record DeviceRef(String id, @Nullable String name, @Nullable String profile) {
}
