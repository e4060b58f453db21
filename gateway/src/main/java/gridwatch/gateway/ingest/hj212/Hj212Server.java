package gridwatch.gateway.ingest.hj212;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.Hj212ServerConfig;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.ingest.IngestMetrics;
import gridwatch.gateway.ingest.SharedListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HJ 212 TCP server stations connect to. Per channel: idle close → framer (max length) →
 * CRC + parse → station auth, readings and answers. Every refused packet is counted by reason
 * and logged at most once a minute per reason and peer, so a chatty broken station cannot
 * flood the log; the connection stays open.
 *
 * <p>Stations are {@link #register registered} while the gateway is assembled; the constructor
 * does no I/O, and the socket and event loops exist from {@link #start} to {@link #close}.
 */
public final class Hj212Server implements SharedListener, Hj212Rejects {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212Server.class);

    private final Hj212ServerConfig cfg;
    private final ZoneId siteZone;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final Map<String, Hj212Station> stationsByMn = new ConcurrentHashMap<>();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private @Nullable EventLoopGroup boss;
    private @Nullable EventLoopGroup workers;
    private @Nullable Channel channel;

    public Hj212Server(Hj212ServerConfig cfg, ZoneId siteZone, IngestMetrics metrics, Clock clock) {
        this.cfg = cfg;
        this.siteZone = siteZone;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Adds a station before {@link #start}; a second station with the same MN replaces the first (the config check refuses that). */
    public void register(Hj212Station station) {
        stationsByMn.put(station.mn(), station);
    }

    @Override
    public void start(ReadingSink sink) throws InterruptedException {
        metrics.watchConnections("hj212", connections::size);
        Hj212PacketDecoder packets = new Hj212PacketDecoder(cfg.acceptModbusCrc(), this, metrics::hj212Lenient);
        Map<String, Hj212Station> byMn = Map.copyOf(stationsByMn);
        Hj212ReadingMapper mapper = new Hj212ReadingMapper(siteZone, clock,
                new ProfileReadings(new UnusableValues(metrics::valueUnusable)));
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup();
        channel = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(cfg.idleSeconds(), 0, 0, TimeUnit.SECONDS))
                                .addLast("framer", new Hj212FrameDecoder(cfg.maxDataBytes(), Hj212Server.this))
                                .addLast("codec", packets)
                                .addLast("station", new Hj212StationHandler(byMn, mapper, sink, Hj212Server.this, metrics::hj212Packet));
                    }
                })
                .bind(cfg.bind(), cfg.port()).sync().channel();
        LOG.info("HJ 212 server listening on {}:{} for {} stations", cfg.bind(), port(), byMn.size());
    }

    @Override
    public String describe() {
        return "HJ 212 on " + cfg.bind() + ":" + (channel == null ? cfg.port() : port()) + ", " + stationsByMn.size()
                + " stations, " + connections.size() + " connected";
    }

    public int port() {
        return ((InetSocketAddress) Objects.requireNonNull(channel, "not started").localAddress()).getPort();
    }

    public int connections() {
        return connections.size();
    }

    @Override
    public void rejected(Hj212Exception.Reason reason, ChannelHandlerContext ctx, String detail) {
        metrics.hj212Rejected(reason.name().toLowerCase(java.util.Locale.ROOT));
        String peer = String.valueOf(ctx.channel().remoteAddress());
        // Keyed by host, not host:port: stations reconnect from new ports, and the map must not grow with them.
        String host = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getHostString() : peer;
        String key = reason + "|" + host;
        long now = System.currentTimeMillis();
        Long last = lastLogged.get(key);
        if (last == null || now - last > 60_000) {
            if (lastLogged.size() > 10_000) {
                lastLogged.clear();
            }
            lastLogged.put(key, now);
            LOG.warn("hj212 packet from {} refused: {} ({}); counted, connection kept", peer, reason, detail);
        }
    }

    /** Closes what {@link #start} opened, also after a start that failed half-way. */
    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        for (EventLoopGroup g : new EventLoopGroup[] {boss, workers}) {
            if (g != null) {
                g.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }
}
