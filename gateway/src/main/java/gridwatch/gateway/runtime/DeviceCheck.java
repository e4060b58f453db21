package gridwatch.gateway.runtime;

import gridwatch.config.ConfigCheck;
import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.yaml.YamlDocument;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.ProfileCatalog;
import gridwatch.profiles.ProfileLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        for (int i = 0; i < config.devices().size(); i++) {
            DeviceConfig d = config.devices().get(i);
            if (catalog.find(d.profile()).isEmpty() && allDirs) {
                errors.add(doc.errorAt("/devices/" + i + "/profile", "no device profile named '" + d.profile() + "' (built-in: "
                        + catalog.all().stream().map(DeviceProfile::name).toList() + ")"));
            }
        }
        // What each connection type needs (its connector says), and keys two devices may not share (MN, station address).
        Connectors.forChecking(config).check(config.devices(), d -> catalog.find(d.profile())).forEach((i, problems) -> {
            for (var p : problems) {
                errors.add(doc.errorAt("/devices/" + i + "/" + p.field(), p.message()));
            }
        });
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
