package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/** PEM files for a TLS uplink, absolute once loaded; the client pair is optional (server-auth only). */
public record TlsConfig(Path caFile, @Nullable Path certFile, @Nullable Path keyFile) {
}
