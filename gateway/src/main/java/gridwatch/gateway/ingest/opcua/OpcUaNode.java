package gridwatch.gateway.ingest.opcua;

import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.DeviceResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One profile resource read from an OPC UA variable: its node id as written in the profile
 * ({@code ns=2;s=...}, or {@code nsu=urn:...;s=...} which survives the server renumbering its
 * namespaces) and how often the server should sample it.
 */
record OpcUaNode(DeviceResource resource, String nodeId, double samplingMs) {

    static List<OpcUaNode> of(DeviceProfile profile) {
        List<OpcUaNode> nodes = new ArrayList<>();
        for (DeviceResource r : profile.deviceResources()) {
            Map<String, Object> a = r.attributes().get("opcua");
            if (a == null || a.get("nodeId") == null) {
                continue;
            }
            Object s = a.get("samplingIntervalMs");
            nodes.add(new OpcUaNode(r, a.get("nodeId").toString(), s instanceof Number n ? n.doubleValue() : 1000.0));
        }
        return nodes;
    }
}
