package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** One device instance: which profile describes it and how to reach it. */
public record DeviceConfig(
        String id,
        @Nullable String name,
        String profile,
        @Nullable String zone,
        @Nullable Location location,
        @Nullable Integer staleAfterSeconds,
        ConnectionConfig connection,
        @Nullable CameraVisionConfig vision) {
}
