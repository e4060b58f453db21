package gridwatch.config.model;

/** One device instance: which profile describes it and how to reach it. */
public record DeviceConfig(
        String id,
        String name,
        String profile,
        String zone,
        Location location,
        Integer staleAfterSeconds,
        ConnectionConfig connection,
        CameraVisionConfig vision) {
}
