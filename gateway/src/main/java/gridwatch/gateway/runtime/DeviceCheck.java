package gridwatch.gateway.runtime;

import gridwatch.config.ConfigCheck;
import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.Hj212Connection;
import gridwatch.config.model.ModbusConnection;
import gridwatch.config.model.OpcUaConnection;
import gridwatch.config.model.Sl651Connection;
import gridwatch.gateway.ingest.modbus.ModbusPoller;
import gridwatch.config.yaml.YamlDocument;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.ProfileCatalog;
import gridwatch.profiles.ProfileLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Checks what only the gateway knows: each device's profile exists and its connection can work.
 * Whether the files the config names are there is {@link gridwatch.config.FileCheck}'s job.
 */
final class DeviceCheck implements ConfigCheck {

    @Override
    public List<ConfigError> check(YamlDocument doc, EdgeConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        // A missing profile directory is reported, at its line, by FileCheck; load what is there,
        // and do not blame a device for a profile that may be in the missing directory.
        List<Path> dirs = config.profiles().directories().stream().filter(Files::isDirectory).toList();
        boolean allDirs = dirs.size() == config.profiles().directories().size();
        ProfileCatalog catalog;
        try {
            catalog = new ProfileLoader().load(dirs);
        } catch (ConfigException e) {
            return e.errors();
        }
        Set<String> mns = new HashSet<>();
        for (int i = 0; i < config.devices().size(); i++) {
            DeviceConfig d = config.devices().get(i);
            String at = "/devices/" + i;
            DeviceProfile p = catalog.find(d.profile()).orElse(null);
            if (p == null) {
                if (!allDirs) {
                    continue;
                }
                errors.add(doc.errorAt(at + "/profile", "no device profile named '" + d.profile() + "' (built-in: "
                        + catalog.all().stream().map(DeviceProfile::name).toList() + ")"));
                continue;
            }
            if (d.connection() instanceof ModbusConnection && ModbusPoller.points(p).isEmpty()) {
                errors.add(doc.errorAt(at + "/profile", "profile " + p.name() + " maps no Modbus holding or input registers"));
            }
            if (d.connection() instanceof OpcUaConnection && p.deviceResources().stream().noneMatch(r -> r.attributes().containsKey("opcua"))) {
                errors.add(doc.errorAt(at + "/profile", "profile " + p.name() + " maps no OPC UA node ids (use e.g. radar-water-level)"));
            }
            if (d.connection() instanceof Sl651Connection c) {
                if (!mns.add("sl651:" + c.station())) {
                    errors.add(doc.errorAt(at + "/connection/station", "another device already has station address " + c.station()));
                }
                if (p.deviceResources().stream().noneMatch(r -> r.attributes().containsKey("sl651"))) {
                    errors.add(doc.errorAt(at + "/profile", "profile " + p.name() + " maps no SL 651 elements (use e.g. radar-water-level)"));
                }
            }
            if (d.connection() instanceof Hj212Connection h) {
                if (!mns.add(h.mn())) {
                    errors.add(doc.errorAt(at + "/connection/mn", "another device already has MN " + h.mn()));
                }
                if (p.deviceResources().stream().noneMatch(r -> r.attributes().containsKey("hj212"))) {
                    errors.add(doc.errorAt(at + "/profile", "profile " + p.name() + " maps no HJ 212 factors (use e.g. noise-station-hj212)"));
                }
            }
        }
        for (int i = 0; i < config.rules().size(); i++) {
            var rule = config.rules().get(i);
            for (int j = 0; j < rule.devices().size(); j++) {
                String deviceId = rule.devices().get(j);
                var profile = config.device(deviceId).flatMap(d -> catalog.find(d.profile()));
                if (profile.isPresent() && profile.get().resource(rule.resource()).isEmpty()) {
                    errors.add(doc.errorAt("/rules/" + i + "/resource", "device '" + deviceId + "' (profile "
                            + profile.get().name() + ") has no resource '" + rule.resource() + "'"));
                }
            }
        }
        return errors;
    }
}
