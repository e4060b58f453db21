package gridwatch.gateway.ingest;

/**
 * One server socket many devices reach the gateway through (HJ 212 and SL 651 stations, later
 * photo uploads). Connectors register their stations while the gateway is assembled; nothing is
 * bound until {@link #start}. A listener with no station registered and no explicit config is
 * never started.
 */
public interface SharedListener extends AutoCloseable {

    /** Binds and starts serving; readings go to {@code sink}. Throws when the port cannot be bound. */
    void start(ReadingSink sink) throws InterruptedException;

    /** The port it listens on once started. */
    int port();

    /** One line for /health, e.g. "HJ 212 on 0.0.0.0:6000, 3 stations, 2 connected". */
    String describe();

    @Override
    void close();
}
