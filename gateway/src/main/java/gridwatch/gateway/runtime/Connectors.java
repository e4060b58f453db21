package gridwatch.gateway.runtime;

import gridwatch.gateway.ingest.IngestMetrics;
import gridwatch.gateway.ingest.connector.ConnectorRegistry;
import gridwatch.gateway.ingest.drone.DroneConnector;
import gridwatch.gateway.ingest.drone.DroneIngest;
import gridwatch.gateway.ingest.drone.DroneMetrics;
import gridwatch.gateway.ingest.drone.PhotoAnalysis;
import gridwatch.gateway.ingest.hj212.Hj212Connector;
import gridwatch.gateway.ingest.hj212.Hj212Server;
import gridwatch.gateway.ingest.modbus.ModbusConnector;
import gridwatch.gateway.ingest.mqttjson.MqttJsonConnector;
import gridwatch.gateway.ingest.opcua.OpcUaConnector;
import gridwatch.gateway.ingest.replay.ReplayConnector;
import gridwatch.gateway.ingest.sl651.Sl651Connector;
import gridwatch.gateway.ingest.sl651.Sl651Server;
import gridwatch.gateway.vision.CameraConnector;

import java.nio.file.Path;
import java.time.Clock;

/** The connectors this gateway ships with: the one place that lists every connection type. */
final class Connectors {

    private Connectors() {
    }

    /** The same connectors, built only to check a config: nothing is counted, nothing can start. */
    static ConnectorRegistry forChecking(gridwatch.config.model.EdgeConfig config) {
        Clock clock = Clock.systemUTC();
        IngestMetrics none = IngestMetrics.none();
        return builtIn(new Hj212Server(gridwatch.config.model.Hj212ServerConfig.defaults(), config.site().zoneId(), none, clock),
                new Sl651Server(gridwatch.config.model.Sl651ServerConfig.defaults(), config.site().zoneId(), none, clock),
                // Never started: its directory is not used.
                new DroneIngest(gridwatch.config.model.DroneServerConfig.defaults(), Path.of("."), config.site().zoneId(), DroneMetrics.none(),
                        PhotoAnalysis.NONE, clock),
                clock, none, new CameraConnector(config, Path.of("."), clock, (name, part) -> {
                    throw new IllegalStateException("checking a config attaches no camera");
                }, (device, millis) -> { }));
    }

    static ConnectorRegistry builtIn(Hj212Server hj212, Sl651Server sl651, DroneIngest drones, Clock clock, IngestMetrics metrics,
                                     CameraConnector cameras) {
        return new ConnectorRegistry()
                .register(new ReplayConnector(clock))
                .register(new Hj212Connector(hj212))
                .register(new Sl651Connector(sl651))
                .register(new ModbusConnector(clock, metrics::valueUnusable))
                .register(new MqttJsonConnector(clock, metrics::valueUnusable))
                .register(new OpcUaConnector(clock, metrics::valueUnusable))
                .register(cameras)
                .register(new DroneConnector(drones))
                .listener(hj212)
                .listener(sl651)
                .listener(drones);
    }
}
