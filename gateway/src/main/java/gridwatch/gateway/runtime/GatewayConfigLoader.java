package gridwatch.gateway.runtime;

import gridwatch.config.ConfigException;
import gridwatch.config.EdgeConfigLoader;
import gridwatch.config.FileCheck;
import gridwatch.config.model.EdgeConfig;
import gridwatch.gateway.uplink.mqtt.TlsCheck;

import java.nio.file.Path;
import java.util.List;

/**
 * The config loader with the gateway's own checks added: what {@code gridwatch validate}, {@code run}
 * and the reloader run. On top of the file's own consistency: the files it names are there
 * ({@link FileCheck}), the uplink's PEM files parse ({@link TlsCheck}), devices fit their profiles.
 */
public final class GatewayConfigLoader {

    private final EdgeConfigLoader loader = new EdgeConfigLoader(List.of(new FileCheck(), new TlsCheck(), new DeviceCheck()));

    public EdgeConfig load(Path file) throws ConfigException {
        return loader.load(file);
    }

    /** A config given as text, checked as if it were the file {@code asFile} (its name in errors, its directory for relative paths). */
    public EdgeConfig load(Path asFile, String yaml) throws ConfigException {
        return loader.load(asFile.toString(), yaml);
    }
}
