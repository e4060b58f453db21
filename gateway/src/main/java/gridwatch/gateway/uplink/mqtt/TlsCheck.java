package gridwatch.gateway.uplink.mqtt;

import gridwatch.config.ConfigCheck;
import gridwatch.config.ConfigError;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.TlsConfig;
import gridwatch.config.yaml.YamlDocument;
import org.jspecify.annotations.Nullable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * At load time, the uplink's PEM files hold what they should, read by the same Netty PEM reader
 * {@link TlsSockets} uses at connect time, so {@code validate} refuses what the uplink would.
 * Files that are missing or unreadable are {@link gridwatch.config.FileCheck}'s to report.
 */
public final class TlsCheck implements ConfigCheck {

    @Override
    public List<ConfigError> check(YamlDocument doc, EdgeConfig config) {
        TlsConfig tls = config.uplink().tls();
        if (tls == null) {
            return List.of();
        }
        List<ConfigError> errors = new ArrayList<>();
        boolean caOk = certificates(doc, "/uplink/tls/caFile", tls.caFile(), errors);
        boolean certOk = certificates(doc, "/uplink/tls/certFile", tls.certFile(), errors);
        Path key = tls.keyFile();
        // Netty reads a key only together with a certificate chain; pair it with one already read
        // cleanly, so a failure here can only be the key's.
        Path goodChain = certOk ? tls.certFile() : caOk ? tls.caFile() : null;
        if (key != null && readable(key) && goodChain != null) {
            try {
                TlsSockets.builder().keyManager(goodChain.toFile(), key.toFile());
            } catch (IllegalArgumentException e) {
                errors.add(doc.errorAt("/uplink/tls/keyFile", "not a PEM private key (PKCS#8, unencrypted): " + key));
            }
        }
        return errors;
    }

    /** Whether {@code file} is there and holds PEM certificates; reports it at {@code at} when it is there but does not. */
    private static boolean certificates(YamlDocument doc, String at, @Nullable Path file, List<ConfigError> errors) {
        if (file == null || !readable(file)) {
            return false;
        }
        try {
            TlsSockets.builder().trustManager(file.toFile());
            return true;
        } catch (IllegalArgumentException e) {
            errors.add(doc.errorAt(at, "not a PEM certificate: " + file));
            return false;
        }
    }

    private static boolean readable(@Nullable Path file) {
        return file != null && Files.isRegularFile(file) && Files.isReadable(file);
    }
}
