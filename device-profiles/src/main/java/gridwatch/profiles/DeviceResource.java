package gridwatch.profiles;

import java.util.Map;

/**
 * One value a device exposes. {@code attributes} hold the protocol addresses keyed by protocol
 * (each connector binds its own entry); {@code properties} say how to read the value.
 */
public record DeviceResource(String name, String description, Map<String, Map<String, Object>> attributes, ResourceProperties properties) {

    public DeviceResource {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
