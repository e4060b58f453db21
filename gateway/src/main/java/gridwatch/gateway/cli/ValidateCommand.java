package gridwatch.gateway.cli;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gridwatch validate FILE...}: exit 0 when every file is valid, 2 otherwise, listing every error. */
@Command(name = "validate", description = "Check box config files against the schema and cross references.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Config files (YAML).")
    List<Path> files;

    @Override
    public Integer call() {
        GatewayConfigLoader loader = new GatewayConfigLoader();
        int status = 0;
        for (Path f : files) {
            try {
                loader.load(f);
                System.out.println(f + ": valid");
            } catch (ConfigException e) {
                status = 2;
                for (ConfigError err : e.errors()) {
                    System.err.println(err.format());
                }
                System.err.println(f + ": " + e.errors().size() + " error(s)");
            }
        }
        return status;
    }
}
