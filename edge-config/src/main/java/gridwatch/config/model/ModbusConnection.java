package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** A device polled over Modbus TCP: directly, or an RS-485 device behind a serial-to-Ethernet converter. */
public record ModbusConnection(String host, Integer port, Integer unitId, Double pollSeconds, Integer timeoutMillis)
        implements ConnectionConfig {

    public ModbusConnection(String host, @Nullable Integer port, @Nullable Integer unitId, @Nullable Double pollSeconds,
                            @Nullable Integer timeoutMillis) {
        this.host = host;
        this.port = port == null ? 502 : port;
        this.unitId = unitId == null ? 1 : unitId;
        this.pollSeconds = pollSeconds == null ? 10.0 : pollSeconds;
        this.timeoutMillis = timeoutMillis == null ? 2000 : timeoutMillis;
    }
}
