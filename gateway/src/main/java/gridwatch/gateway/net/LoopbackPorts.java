package gridwatch.gateway.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback port checks for the demo's fallbacks, the embedded broker and the test servers. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** Whether {@code port} can be bound on loopback right now (0 always can). */
    public static boolean isFree(int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free on loopback at the time of the call. */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
