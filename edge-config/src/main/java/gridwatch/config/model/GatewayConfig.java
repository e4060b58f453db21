package gridwatch.config.model;

public record GatewayConfig(String id) {
}
