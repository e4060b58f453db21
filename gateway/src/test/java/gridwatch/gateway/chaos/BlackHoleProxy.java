package gridwatch.gateway.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between the gateway and the broker that can turn into a black hole, as a
 * mobile link or a NAT that silently drops a flow does: both sockets stay open, no FIN, no RST,
 * bytes simply stop moving in either direction. New connections are accepted but get nothing
 * through either, so a CONNECT goes unanswered. Only the MQTT keep-alive can tell the gateway
 * that the link is gone. When the hole closes again, held bytes move on; a side that was closed
 * meanwhile is then closed on the other side too.
 *
 * <p>Threads: one acceptor, and two pump threads per connection; pumps wait at the gate before
 * every read and every write, so while the hole is open nothing is read from either socket.
 */
final class BlackHoleProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Object gate = new Object();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean holed;
    private volatile boolean running = true;

    BlackHoleProxy(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("proxy-accept").daemon(true).start(this::accept);
    }

    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Starts swallowing: from now on no byte moves, and nothing is closed. */
    void blackHole() {
        holed = true;
    }

    /** Lets bytes through again. */
    void heal() {
        synchronized (gate) {
            holed = false;
            gate.notifyAll();
        }
    }

    private void awaitPassable() throws InterruptedException {
        synchronized (gate) {
            while (holed && running) {
                gate.wait(1000);
            }
        }
    }

    /** Acceptor thread: each connection gets its upstream only once the link lets it through. */
    private void accept() {
        while (running) {
            try {
                Socket down = server.accept();
                sockets.add(down);
                Thread.ofPlatform().name("proxy-connect").daemon(true).start(() -> connect(down));
            } catch (IOException e) {
                if (running) {
                    sleep(100);
                }
            }
        }
    }

    private void connect(Socket down) {
        try {
            awaitPassable();
            Socket up = new Socket();
            sockets.add(up);
            up.connect(upstream, 5000);
            Thread.ofPlatform().name("proxy-up").daemon(true).start(() -> pump(down, up));
            Thread.ofPlatform().name("proxy-down").daemon(true).start(() -> pump(up, down));
        } catch (IOException | InterruptedException e) {
            closeQuietly(down);
        }
    }

    /** Pump thread: copies {@code from} to {@code to}; an end or error on one side closes both (once passable). */
    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            while (running) {
                awaitPassable();
                int n = in.read(buf);
                awaitPassable();
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side is gone: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        heal();
        server.close();
        sockets.forEach(this::closeQuietly);
    }
}
