package gridwatch.config;

import gridwatch.config.model.CameraVisionConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.DroneConfig;
import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.VideoConnection;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.NoiseLimitRuleConfig;
import gridwatch.config.model.RuleConfig;
import gridwatch.config.model.WaterLevelRuleConfig;
import gridwatch.config.model.ZoneConfig;
import gridwatch.config.yaml.YamlDocument;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cross-reference checks a JSON Schema cannot express: unique ids and ids that must exist. */
final class ReferenceCheck implements ConfigCheck {

    @Override
    public List<ConfigError> check(YamlDocument doc, EdgeConfig c) {
        List<ConfigError> errors = new ArrayList<>();
        try {
            ZoneId.of(c.site().timeZone());
        } catch (DateTimeException e) {
            errors.add(doc.errorAt("/site/timeZone", "unknown time zone '" + c.site().timeZone() + "'"));
        }
        Set<String> zoneIds = new HashSet<>();
        for (int i = 0; i < c.zones().size(); i++) {
            ZoneConfig z = c.zones().get(i);
            if (!zoneIds.add(z.id())) {
                errors.add(doc.errorAt("/zones/" + i + "/id", "duplicate zone id '" + z.id() + "'"));
            }
        }
        Set<String> deviceIds = new HashSet<>();
        for (int i = 0; i < c.devices().size(); i++) {
            DeviceConfig d = c.devices().get(i);
            if (!deviceIds.add(d.id())) {
                errors.add(doc.errorAt("/devices/" + i + "/id", "duplicate device id '" + d.id() + "'"));
            }
            if (d.zone() != null && !zoneIds.contains(d.zone())) {
                errors.add(doc.errorAt("/devices/" + i + "/zone", "no zone with id '" + d.zone() + "' (declare it under zones)"));
            }
        }
        for (String[] h : new String[][] {{"offlineAlertType", c.health().offlineAlertType()}, {"faultAlertType", c.health().faultAlertType()}}) {
            if (h[1] != null && !c.categories().containsKey(h[1])) {
                errors.add(doc.errorAt("/health/" + h[0], "alert type '" + h[1] + "' has no entry in categories"));
            }
        }
        Set<String> ruleIds = new HashSet<>();
        for (int i = 0; i < c.rules().size(); i++) {
            RuleConfig r = c.rules().get(i);
            String at = "/rules/" + i;
            if (!ruleIds.add(r.id())) {
                errors.add(doc.errorAt(at + "/id", "duplicate rule id '" + r.id() + "'"));
            }
            if (!c.categories().containsKey(r.alertType())) {
                errors.add(doc.errorAt(at + "/alertType", "alert type '" + r.alertType()
                        + "' has no entry in categories (map it to the center's case code)"));
            }
            for (int j = 0; j < r.devices().size(); j++) {
                if (!deviceIds.contains(r.devices().get(j))) {
                    errors.add(doc.errorAt(at + "/devices/" + j, "no device with id '" + r.devices().get(j) + "'"));
                }
            }
            if (r instanceof WaterLevelRuleConfig w && w.guaranteeLevel() <= w.warningLevel()) {
                errors.add(doc.errorAt(at + "/guaranteeLevel", "the guarantee level (" + w.guaranteeLevel()
                        + " m) must be above the warning level (" + w.warningLevel() + " m)"));
            }
            if (r instanceof NoiseLimitRuleConfig n && n.dayStarts().equals(n.nightStarts())) {
                errors.add(doc.errorAt(at + "/nightStarts", "night cannot start when day starts (" + n.dayStarts() + ")"));
            }
        }
        for (int i = 0; i < c.devices().size(); i++) {
            checkCamera(doc, c, i, zoneIds, ruleIds, errors);
        }
        checkDrones(doc, c, errors);
        return errors;
    }

    /**
     * Drone object groups: ids unique, each drone's {@code detect} names existing groups, and, when drones will detect
     * (a drone and {@code vision.model}), every alert type they can raise is mapped in categories.
     */
    private static void checkDrones(YamlDocument doc, EdgeConfig c, List<ConfigError> errors) {
        List<DroneConfig.ObjectGroupConfig> groups = c.drone().detection().objects();
        Set<String> groupIds = new HashSet<>();
        for (int j = 0; j < groups.size(); j++) {
            if (!groupIds.add(groups.get(j).id())) {
                errors.add(doc.errorAt("/drone/detection/objects/" + j + "/id", "duplicate object group id '" + groups.get(j).id() + "'"));
            }
        }
        Set<String> used = new java.util.LinkedHashSet<>();
        for (int i = 0; i < c.devices().size(); i++) {
            if (!(c.devices().get(i).connection() instanceof DroneConnection d)) {
                continue;
            }
            List<String> detect = d.detect() == null ? List.copyOf(groupIds) : d.detect();
            for (int j = 0; j < detect.size(); j++) {
                if (!groupIds.contains(detect.get(j))) {
                    errors.add(doc.errorAt("/devices/" + i + "/connection/detect/" + j, "no object group '" + detect.get(j)
                            + "' under drone.detection.objects (groups: " + groupIds + ")"));
                }
            }
            used.addAll(detect);
        }
        if (used.isEmpty() || c.vision().model() == null) {
            return;   // nothing is detected: no drone alert can be raised
        }
        for (int j = 0; j < groups.size(); j++) {
            DroneConfig.ObjectGroupConfig g = groups.get(j);
            if (used.contains(g.id()) && !c.categories().containsKey(g.alertType())) {
                errors.add(doc.errorAt(!doc.root().at("/drone/detection/objects").isMissingNode() ? "/drone/detection/objects/" + j + "/alertType" : "/drone",
                        "alert type '" + g.alertType() + "' (drone object group " + g.id() + ") has no entry in categories (map it to the center's case code)"));
            }
        }
        DroneConfig.ChangeConfig change = c.drone().change();
        if (change.enabled()) {
            for (String[] t : new String[][] {{"appearedAlertType", change.appearedAlertType()}, {"vanishedAlertType", change.vanishedAlertType()}}) {
                if (!c.categories().containsKey(t[1])) {
                    errors.add(doc.errorAt(!doc.root().at("/drone/change").isMissingNode() ? "/drone/change/" + t[0] : "/drone",
                            "alert type '" + t[1] + "' (drone patrol-to-patrol change) has no entry in categories (map it, or set drone.change.enabled: false)"));
                }
            }
        }
    }

    /** A camera's image zones, lines and rules: ids unique, references resolve, categories mapped. */
    private static void checkCamera(YamlDocument doc, EdgeConfig c, int i, Set<String> zoneIds, Set<String> ruleIds, List<ConfigError> errors) {
        DeviceConfig d = c.devices().get(i);
        CameraVisionConfig v = d.vision();
        String at = "/devices/" + i + "/vision";
        if (v == null) {
            return;
        }
        if (!(d.connection() instanceof VideoConnection)) {
            errors.add(doc.errorAt(at, "only cameras (connection type video) have a vision block"));
        }
        if (c.vision().model() == null && d.connection() instanceof VideoConnection) {
            errors.add(doc.errorAt(at, "camera rules need a detector: set vision.model (path and sha256)"));
        }
        if (v.density() != null && v.density().model() == null && c.vision().densityModel() == null) {
            errors.add(doc.errorAt(at + "/density", "counting by density needs a density model: set vision.densityModel (path and sha256), "
                    + "or model here for this camera alone"));
        }
        Set<String> imageZones = new HashSet<>();
        for (int j = 0; j < v.zones().size(); j++) {
            var z = v.zones().get(j);
            if (!imageZones.add(z.id())) {
                errors.add(doc.errorAt(at + "/zones/" + j + "/id", "duplicate image zone id '" + z.id() + "'"));
            }
            if (z.zone() != null && !zoneIds.contains(z.zone())) {
                errors.add(doc.errorAt(at + "/zones/" + j + "/zone", "no zone with id '" + z.zone() + "' (declare it under zones)"));
            }
            if (z.zone() == null && d.zone() == null) {
                errors.add(doc.errorAt(at + "/zones/" + j, "say which zone (grid cell) this area is in: set zone here or on the camera"));
            }
        }
        Set<String> lineIds = new HashSet<>();
        for (int j = 0; j < v.lines().size(); j++) {
            var l = v.lines().get(j);
            if (!lineIds.add(l.id())) {
                errors.add(doc.errorAt(at + "/lines/" + j + "/id", "duplicate line id '" + l.id() + "'"));
            }
            if (l.zone() != null && !zoneIds.contains(l.zone())) {
                errors.add(doc.errorAt(at + "/lines/" + j + "/zone", "no zone with id '" + l.zone() + "' (declare it under zones)"));
            }
        }
        List<String[]> rules = new ArrayList<>();
        for (int j = 0; j < v.crowd().size(); j++) {
            var r = v.crowd().get(j);
            rules.add(new String[] {at + "/crowd/" + j, r.id(), r.zone(), r.alertType()});
        }
        for (int j = 0; j < v.keyPost().size(); j++) {
            var r = v.keyPost().get(j);
            rules.add(new String[] {at + "/keyPost/" + j, r.id(), r.zone(), r.alertType()});
        }
        for (int j = 0; j < v.muckTruck().size(); j++) {
            var r = v.muckTruck().get(j);
            String rat = at + "/muckTruck/" + j;
            if (!lineIds.contains(r.line())) {
                errors.add(doc.errorAt(rat + "/line", "no line '" + r.line() + "' on this camera (lines: " + lineIds + ")"));
            }
            if (!ruleIds.add(r.id())) {
                errors.add(doc.errorAt(rat + "/id", "duplicate rule id '" + r.id() + "'"));
            }
            if (!c.categories().containsKey(r.alertType())) {
                errors.add(doc.errorAt(rat + "/alertType", "alert type '" + r.alertType() + "' has no entry in categories (map it to the center's case code)"));
            }
        }
        for (int j = 0; j < v.garbagePile().size(); j++) {
            var r = v.garbagePile().get(j);
            rules.add(new String[] {at + "/garbagePile/" + j, r.id(), r.zone(), r.alertType()});
        }
        for (String[] r : rules) {
            if (!ruleIds.add(r[1])) {
                errors.add(doc.errorAt(r[0] + "/id", "duplicate rule id '" + r[1] + "'"));
            }
            if (!imageZones.contains(r[2])) {
                errors.add(doc.errorAt(r[0] + "/zone", "no image zone '" + r[2] + "' on this camera (zones: " + imageZones + ")"));
            }
            if (!c.categories().containsKey(r[3])) {
                errors.add(doc.errorAt(r[0] + "/alertType", "alert type '" + r[3] + "' has no entry in categories (map it to the center's case code)"));
            }
        }
    }
}
