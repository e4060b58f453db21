package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import gridwatch.config.Secret;

/**
 * A PLC or SCADA server reached over OPC UA (binary, {@code opc.tcp://}). The node ids to watch
 * come from the device profile; this says where the server is and how often it should publish.
 * Only the None security policy is supported for now: plant networks that require signing need
 * the certificate handling this connector does not have yet.
 */
public record OpcUaConnection(String endpoint, @Nullable String username, @Nullable Secret password, Integer publishingMs, Integer timeoutMillis)
        implements ConnectionConfig {

    public OpcUaConnection(String endpoint, @Nullable String username, @Nullable Secret password,
                           @Nullable Integer publishingMs, @Nullable Integer timeoutMillis) {
        this.endpoint = endpoint;
        this.username = username;
        this.password = password;
        this.publishingMs = publishingMs == null ? 1000 : publishingMs;
        this.timeoutMillis = timeoutMillis == null ? 5000 : timeoutMillis;
    }
}
