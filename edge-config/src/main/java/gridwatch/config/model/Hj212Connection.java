package gridwatch.config.model;

/** A station that connects to the gateway's HJ 212 server, known by its MN and access password. */
public record Hj212Connection(String mn, String password) implements ConnectionConfig {

    @Override
    public String toString() {
        return "Hj212Connection[mn=" + mn + ", password=***]";
    }
}
