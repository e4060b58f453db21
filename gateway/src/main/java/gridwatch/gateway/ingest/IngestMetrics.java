package gridwatch.gateway.ingest;

import java.util.function.IntSupplier;

/**
 * What protocol code counts, as protocol code sees it. Ingest depends on this interface and not on
 * the operations package, which implements it (Prometheus): protocol code stays below operations.
 * Every method is called on an I/O thread (a Netty event loop, a poller, a Paho callback): it
 * must not block.
 */
public interface IngestMetrics {

    /** An accepted HJ 212 packet with command number {@code cn}. */
    void hj212Packet(String cn);

    /** An HJ 212 packet refused for {@code reason}; the connection stays. */
    void hj212Rejected(String reason);

    /** An HJ 212 packet accepted only with the lenient Modbus CRC. */
    void hj212Lenient();

    /** A packet of {@code protocol} refused for {@code reason}; the connection stays. */
    void protocolRejected(String protocol, String reason);

    /** A value that is not a usable number became a BAD reading. */
    void valueUnusable(String deviceId, String reason);

    /** Open connections of a listener, read when metrics are scraped. */
    void watchConnections(String listener, IntSupplier open);

    /** Counts nothing: for code that builds connectors only to check a config. */
    static IngestMetrics none() {
        return new IngestMetrics() {
            @Override
            public void hj212Packet(String cn) {
            }

            @Override
            public void hj212Rejected(String reason) {
            }

            @Override
            public void hj212Lenient() {
            }

            @Override
            public void protocolRejected(String protocol, String reason) {
            }

            @Override
            public void valueUnusable(String deviceId, String reason) {
            }

            @Override
            public void watchConnections(String listener, IntSupplier open) {
            }
        };
    }
}
