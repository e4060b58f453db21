package gridwatch.config.model;

public record SinkConfig(String type) {
}
