package gridwatch.gateway.runtime;

import gridwatch.config.ConfigException;
import gridwatch.config.EdgeConfigLoader;
import gridwatch.config.model.EdgeConfig;

import java.nio.file.Path;
import java.util.List;

/** The config loader with the gateway's own checks added: what {@code gridwatch validate} runs. */
public final class GatewayConfigLoader {

    private final EdgeConfigLoader loader = new EdgeConfigLoader(List.of(new DeviceCheck()));

    public EdgeConfig load(Path file) throws ConfigException {
        return loader.load(file);
    }
}
