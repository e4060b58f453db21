package gridwatch.config.model;

/** PEM files for a TLS uplink; the client pair is optional (server-auth only). */
public record TlsConfig(String caFile, String certFile, String keyFile) {
}
