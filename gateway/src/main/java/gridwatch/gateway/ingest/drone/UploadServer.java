package gridwatch.gateway.ingest.drone;

import gridwatch.config.Secret;
import gridwatch.config.model.DroneServerConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The drone photo upload endpoint: Netty (one event loop) → HTTP codec → {@link UploadReceiver}; admitted photos
 * go to one intake thread ({@code drone-upload-intake}) for the JPEG check, storage and ledger (disk I/O never runs on
 * the event loop). Memory is bounded by {@code maxConcurrentUploads} × the largest {@code maxBytes}.
 *
 * <p>The constructor does no I/O; tokens are read and the port bound in {@link #start}; {@link #close} undoes it.
 */
final class UploadServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadServer.class);
    /** A stalled or idle connection is closed after this long without bytes, freeing its slot. */
    private static final int READ_TIMEOUT_SECONDS = 60;

    private final DroneServerConfig cfg;
    private final List<DroneStation> stations;
    private final PhotoIntake photos;
    private final LongSupplier pending;
    private final DroneMetrics metrics;
    private @Nullable EventLoopGroup group;
    private @Nullable Channel channel;
    private @Nullable ThreadPoolExecutor intakeThread;

    /** @param stations the drones with {@code upload: true} */
    UploadServer(DroneServerConfig cfg, List<DroneStation> stations, PhotoIntake photos, LongSupplier pending, DroneMetrics metrics) {
        this.cfg = cfg;
        this.stations = List.copyOf(stations);
        this.photos = photos;
        this.pending = pending;
        this.metrics = metrics;
    }

    /** Reads each drone's token (a missing or empty one fails the start) and binds. */
    void start() throws InterruptedException {
        Map<String, DroneStation> byId = new HashMap<>();
        Map<String, byte[]> tokens = new HashMap<>();
        for (DroneStation s : stations) {
            byId.put(s.deviceId(), s);
            tokens.put(s.deviceId(), tokenHash(s));
        }
        UploadAdmission admission = new UploadAdmission(byId, tokens, cfg.maxConcurrentUploads(), pending, cfg.maxPendingPhotos());
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(cfg.maxConcurrentUploads()), r -> {
            Thread t = new Thread(r, "drone-upload-intake");
            t.setDaemon(true);
            return t;
        });
        intakeThread = executor;
        UploadIntake intake = new UploadIntake(executor, photos, pending, metrics);
        EventLoopGroup g = new NioEventLoopGroup(1, new DefaultThreadFactory("drone-upload-io", true));
        group = g;
        channel = new ServerBootstrap()
                .group(g)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("timeout", new ReadTimeoutHandler(READ_TIMEOUT_SECONDS))
                                .addLast("http", new HttpServerCodec(4096, 8192, 65536))
                                .addLast("upload", new UploadReceiver(admission, intake));
                    }
                })
                .bind(cfg.bind(), cfg.port()).sync().channel();
        LOG.info("drone uploads on http://{}:{}{} for {}", cfg.bind(), port(), UploadAdmission.PATH, byId.keySet());
    }

    int port() {
        Channel c = channel;
        return c == null ? -1 : ((InetSocketAddress) c.localAddress()).getPort();
    }

    /** The SHA-256 of the drone's token; the token itself is not kept. */
    private static byte[] tokenHash(DroneStation s) {
        Secret token = s.connection().token();
        if (token == null) {
            throw new IllegalStateException("drone " + s.deviceId() + " takes uploads but has no token");
        }
        char[] chars = token.reveal();
        try {
            if (chars.length == 0) {
                throw new IllegalStateException("drone " + s.deviceId() + ": the upload token is empty (" + token + ")");
            }
            var bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            byte[] hash = sha256(raw);
            Arrays.fill(raw, (byte) 0);
            return hash;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Stops accepting, lets admitted photos finish their intake (up to 10 s), then stops the event loop. */
    @Override
    public void close() {
        Channel c = channel;
        if (c != null) {
            c.close().syncUninterruptibly();
        }
        ThreadPoolExecutor executor = intakeThread;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        EventLoopGroup g = group;
        if (g != null) {
            g.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
