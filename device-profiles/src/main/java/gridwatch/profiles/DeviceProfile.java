package gridwatch.profiles;

import java.util.List;
import java.util.Optional;

/** A device model: what it is and which resources it exposes. Loaded from YAML, never coded. */
public record DeviceProfile(
        String name,
        String manufacturer,
        String model,
        String description,
        String kind,
        List<String> labels,
        List<String> protocols,
        List<DeviceResource> deviceResources,
        List<CameraSpec> cameras,
        String source) {

    public DeviceProfile {
        labels = labels == null ? List.of() : List.copyOf(labels);
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        deviceResources = List.copyOf(deviceResources);
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
    }

    /** A profile without a camera table (every kind but drone stills). */
    public DeviceProfile(String name, String manufacturer, String model, String description, String kind, List<String> labels,
                         List<String> protocols, List<DeviceResource> deviceResources, String source) {
        this(name, manufacturer, model, description, kind, labels, protocols, deviceResources, List.of(), source);
    }

    public Optional<DeviceResource> resource(String resourceName) {
        return deviceResources.stream().filter(r -> r.name().equals(resourceName)).findFirst();
    }
}
