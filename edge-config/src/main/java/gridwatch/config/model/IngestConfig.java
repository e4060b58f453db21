package gridwatch.config.model;

/** Servers the gateway runs for devices that connect to it. */
public record IngestConfig(Hj212ServerConfig hj212, Sl651ServerConfig sl651) {
}
