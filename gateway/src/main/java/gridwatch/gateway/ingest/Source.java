package gridwatch.gateway.ingest;

/** A device connection that produces readings: a connector instance for one device. */
public interface Source extends AutoCloseable {

    String deviceId();

    /** Starts producing on the source's own thread(s); returns at once. */
    void start(ReadingSink sink);

    /** One line for /health: e.g. "replaying 120/361" or "connected". */
    String describe();

    @Override
    void close();
}
