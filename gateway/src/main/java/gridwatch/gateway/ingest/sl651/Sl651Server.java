package gridwatch.gateway.ingest.sl651;

import org.jspecify.annotations.Nullable;

import gridwatch.config.model.Sl651ServerConfig;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.ingest.IngestMetrics;
import gridwatch.gateway.ingest.SharedListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
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
 * The SL 651-2014 (水文监测数据通信规约) TCP server hydrological telemetry stations report to, in
 * HEX/BCD mode. Per channel: idle close → framer (7E7E, length, end character, CRC-16/MODBUS)
 * → station check, readings, ACK. Refused frames are counted by reason and logged at most once a
 * minute per reason and peer; the connection stays open.
 *
 * <p>Stations are {@link #register registered} while the gateway is assembled; the constructor
 * does no I/O, and the socket and event loops exist from {@link #start} to {@link #close}.
 */
public final class Sl651Server implements SharedListener, Sl651FrameDecoder.Rejects {

    private static final Logger LOG = LoggerFactory.getLogger(Sl651Server.class);

    private final Sl651ServerConfig cfg;
    private final ZoneId siteZone;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final Map<String, Sl651Station> stations = new ConcurrentHashMap<>();
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private @Nullable EventLoopGroup boss;
    private @Nullable EventLoopGroup workers;
    private @Nullable Channel channel;

    public Sl651Server(Sl651ServerConfig cfg, ZoneId siteZone, IngestMetrics metrics, Clock clock) {
        this.cfg = cfg;
        this.siteZone = siteZone;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Adds a station (by its address) before {@link #start}. */
    public void register(Sl651Station station) {
        stations.put(station.address(), station);
    }

    @Override
    public void start(ReadingSink sink) throws InterruptedException {
        Map<String, Sl651Station> byAddress = Map.copyOf(stations);
        ProfileReadings readings = new ProfileReadings(new UnusableValues(metrics::valueUnusable));
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(1);
        channel = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(cfg.idleSeconds(), 0, 0, TimeUnit.SECONDS))
                                .addLast("framer", new Sl651FrameDecoder(Sl651Server.this))
                                .addLast("station", new Sl651StationHandler(byAddress, readings, sink, Sl651Server.this, siteZone, clock));
                    }
                })
                .bind(cfg.bind(), cfg.port()).sync().channel();
        LOG.info("SL 651 server listening on {}:{} for {} stations", cfg.bind(), port(), byAddress.size());
    }

    @Override
    public String describe() {
        return "SL 651 on " + cfg.bind() + ":" + (channel == null ? cfg.port() : port()) + ", " + stations.size() + " stations";
    }

    public int port() {
        return ((InetSocketAddress) Objects.requireNonNull(channel, "not started").localAddress()).getPort();
    }

    @Override
    public void rejected(String reason, ChannelHandlerContext ctx, String detail) {
        metrics.protocolRejected("sl651", reason);
        String key = reason + "|" + ctx.channel().remoteAddress();
        long now = System.currentTimeMillis();
        Long last = lastLogged.get(key);
        if (last == null || now - last > 60_000) {
            if (lastLogged.size() > 10_000) {
                lastLogged.clear();
            }
            lastLogged.put(key, now);
            LOG.warn("sl651 {}: frame refused ({}): {}", ctx.channel().remoteAddress(), reason, detail);
        }
    }

    /** Closes what {@link #start} opened, also after a start that failed half-way. */
    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        for (EventLoopGroup g : new EventLoopGroup[] {workers, boss}) {
            if (g != null) {
                g.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
    }
}
