package gridwatch.config;

import gridwatch.config.model.ConnectionConfig;
import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.DroneServerConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.Hj212Connection;
import gridwatch.config.model.InfluxConfig;
import gridwatch.config.model.ModbusConnection;
import gridwatch.config.model.MqttJsonConnection;
import gridwatch.config.model.OpcUaConnection;
import gridwatch.config.model.ReplayConnection;
import gridwatch.config.model.Sl651Connection;
import gridwatch.config.model.TlsConfig;
import gridwatch.config.model.VideoConnection;
import gridwatch.config.yaml.YamlDocument;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a config names are there and readable when it is loaded: TLS PEM files, secret files,
 * traces, recordings, the model, profile directories. Directories the gateway creates at run time
 * (outbox, InfluxDB spool) need not exist, but must be directories when they do. What a file holds
 * is for checks that know its format (the gateway parses the PEM files).
 */
public final class FileCheck implements ConfigCheck {

    @Override
    public List<ConfigError> check(YamlDocument doc, EdgeConfig c) {
        Found found = new Found(doc, new ArrayList<>());
        secret(found, "/uplink/password", c.uplink().password());
        TlsConfig tls = c.uplink().tls();
        if (tls != null) {
            found.file("/uplink/tls/caFile", tls.caFile());
            found.file("/uplink/tls/certFile", tls.certFile());
            found.file("/uplink/tls/keyFile", tls.keyFile());
        }
        found.runtimeDirectory("/outbox/directory", c.outbox().directory());
        DroneServerConfig drone = c.ingest().drone();
        if (drone != null) {
            found.runtimeDirectory("/ingest/drone/directory", drone.directory());
        }
        InfluxConfig influx = c.timeseries().influxdb();
        if (influx != null) {
            secret(found, "/timeseries/influxdb/password", influx.password());
            found.runtimeDirectory("/timeseries/influxdb/spoolDirectory", influx.spoolDirectory());
        }
        for (int i = 0; i < c.profiles().directories().size(); i++) {
            found.directory("/profiles/directories/" + i, c.profiles().directories().get(i));
        }
        for (int i = 0; i < c.devices().size(); i++) {
            connection(found, "/devices/" + i + "/connection", c.devices().get(i).connection());
        }
        if (c.vision().model() != null) {
            found.file("/vision/model/path", c.vision().model().path());
        }
        if (c.vision().densityModel() != null) {
            found.file("/vision/densityModel/path", c.vision().densityModel().path());
        }
        for (int i = 0; i < c.devices().size(); i++) {
            var v = c.devices().get(i).vision();
            if (v != null && v.density() != null && v.density().model() != null) {
                found.file("/devices/" + i + "/vision/density/model/path", v.density().model().path());
            }
        }
        if (c.drone().grid() != null) {
            found.file("/drone/grid/file", c.drone().grid().file());
        }
        return found.errors();
    }

    private static void connection(Found found, String at, ConnectionConfig connection) {
        switch (connection) {
            case ReplayConnection r -> found.file(at + "/file", r.file());
            case VideoConnection v -> {
                if (!ConfigPaths.isUrl(v.url())) {
                    found.file(at + "/url", Path.of(v.url()));
                } else if (v.url().startsWith("file:")) {
                    found.file(at + "/url", Path.of(URI.create(v.url())));
                }
                secret(found, at + "/password", v.password());
            }
            case MqttJsonConnection m -> secret(found, at + "/password", m.password());
            case OpcUaConnection o -> secret(found, at + "/password", o.password());
            case DroneConnection d -> {
                // A watched folder may be a mount that appears after boot: the gateway creates it when missing.
                found.runtimeDirectory(at + "/folder", d.folder());
                secret(found, at + "/token", d.token());
            }
            // No default: a new connector type must say here which files it names.
            case Hj212Connection h -> { }
            case Sl651Connection s -> { }
            case ModbusConnection m -> { }
        }
    }

    private static void secret(Found found, String at, @Nullable Secret secret) {
        if (secret != null && secret.file() != null && found.file(at + "/file", secret.file())) {
            try {
                if (Files.readString(secret.file()).isBlank()) {
                    found.error(at + "/file", "secret file is empty: " + secret.file());
                }
            } catch (IOException | RuntimeException e) {
                found.error(at + "/file", "cannot read secret file " + secret.file() + ": " + e.getMessage());
            }
        }
    }

    /** Collects errors, each at the field that named the path. */
    private record Found(YamlDocument doc, List<ConfigError> errors) {

        /** Whether {@code path} (when set) is a readable regular file; reports why not. */
        boolean file(String at, @Nullable Path path) {
            if (path == null) {
                return false;
            }
            if (!Files.exists(path)) {
                error(at, "file not found: " + path + hint(at));
            } else if (Files.isDirectory(path)) {
                error(at, "is a directory, not a file: " + path);
            } else if (!Files.isRegularFile(path)) {
                error(at, "not a regular file: " + path);
            } else if (!Files.isReadable(path)) {
                error(at, "file not readable (check its owner and mode): " + path);
            } else {
                return true;
            }
            return false;
        }

        void directory(String at, Path path) {
            if (!Files.exists(path)) {
                error(at, "directory not found: " + path + hint(at));
            } else if (!Files.isDirectory(path)) {
                error(at, "not a directory: " + path);
            } else if (!Files.isReadable(path)) {
                error(at, "directory not readable (check its owner and mode): " + path);
            }
        }

        /** Made at run time when missing; only something else in its place is wrong. */
        void runtimeDirectory(String at, @Nullable Path path) {
            if (path != null && Files.exists(path) && !Files.isDirectory(path)) {
                error(at, "not a directory: " + path);
            }
        }

        void error(String at, String message) {
            errors.add(doc.errorAt(at, message));
        }

        /** Says how a relative path was read, when the user wrote one: the usual cause of a miss. */
        private String hint(String at) {
            String written = doc.root().at(at).asText("");
            return !written.isEmpty() && !ConfigPaths.isUrl(written) && !Path.of(written).isAbsolute()
                    ? " (relative paths are relative to the config file)" : "";
        }
    }
}
