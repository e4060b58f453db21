package gridwatch.config.model;

/** A device polled over Modbus TCP: directly, or an RS-485 device behind a serial-to-Ethernet converter. */
public record ModbusConnection(String host, Integer port, Integer unitId, Double pollSeconds, Integer timeoutMillis)
        implements ConnectionConfig {

    public ModbusConnection {
        port = port == null ? 502 : port;
        unitId = unitId == null ? 1 : unitId;
        pollSeconds = pollSeconds == null ? 10.0 : pollSeconds;
        timeoutMillis = timeoutMillis == null ? 2000 : timeoutMillis;
    }
}
