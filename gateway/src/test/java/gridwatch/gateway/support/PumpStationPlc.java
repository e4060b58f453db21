package gridwatch.gateway.support;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A pumping station's PLC as a real Eclipse Milo OPC UA server on loopback, exposing the forebay
 * water level at {@code ns=2;s=PumpStation/Forebay/Level} (the node the radar-water-level profile
 * names). Tests set the level and status, and stop and restart the server to kill the sessions.
 */
public final class PumpStationPlc implements AutoCloseable {

    public static final String NAMESPACE = "urn:gridwatch:test:pump-station";
    public static final String LEVEL = "PumpStation/Forebay/Level";

    private final int port;
    private OpcUaServer server;
    private StationNamespace namespace;
    private volatile DataValue level = new DataValue(new Variant(1.0));

    public PumpStationPlc(int port) {
        this.port = port;
    }

    public String endpoint() {
        return "opc.tcp://127.0.0.1:" + port + "/plc";
    }

    public PumpStationPlc start() throws Exception {
        var endpoint = EndpointConfig.newBuilder()
                .setBindAddress("127.0.0.1")
                .setHostname("127.0.0.1")
                .setBindPort(port)
                .setPath("/plc")
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        var config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:gridwatch:test:plc")
                .setApplicationName(LocalizedText.english("Pump station PLC"))
                .setProductUri("urn:gridwatch:test")
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .setEndpoints(Set.of(endpoint))
                .build();
        server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        namespace = new StationNamespace(server);
        namespace.startup();
        server.startup().get(10, TimeUnit.SECONDS);
        namespace.node.setValue(level);
        return this;
    }

    /** The PLC writes a new level with its own source timestamp. */
    public void setLevel(double metres, StatusCode status, Instant sourceTime) {
        level = new DataValue(new Variant(metres), status, new DateTime(sourceTime), DateTime.now());
        if (namespace != null) {
            namespace.node.setValue(level);
        }
    }

    public void stop() throws Exception {
        if (server != null) {
            namespace.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
            server = null;
            namespace = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static final class StationNamespace extends ManagedNamespaceWithLifecycle {

        private final SubscriptionModel subscriptions;
        final UaVariableNode node;

        StationNamespace(OpcUaServer server) {
            super(server, NAMESPACE);
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(LEVEL))
                    .setBrowseName(newQualifiedName("Level"))
                    .setDisplayName(LocalizedText.english("Forebay level"))
                    .setDataType(NodeIds.Double)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.READ_ONLY)
                    .setUserAccessLevel(AccessLevel.READ_ONLY)
                    .build();
            getNodeManager().addNode(node);
            node.addReference(new Reference(node.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), Reference.Direction.INVERSE));
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            subscriptions.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            subscriptions.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            subscriptions.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            subscriptions.onMonitoringModeChanged(items);
        }
    }
}
