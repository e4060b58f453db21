package gridwatch.gateway.ingest.hj212;

import gridwatch.config.model.Hj212ServerConfig;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.ops.GatewayMetrics;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HJ 212 TCP server stations connect to. Per channel: idle close → framer (max length) →
 * CRC + parse → station auth, readings and answers. Every refused packet is counted by reason
 * and logged at most once a minute per reason and peer, so a chatty broken station cannot
 * flood the log; the connection stays open.
 */
public final class Hj212Server implements AutoCloseable, Hj212Rejects {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212Server.class);

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private final GatewayMetrics metrics;
    private final Channel channel;

    public Hj212Server(Hj212ServerConfig cfg, Map<String, Hj212Station> stationsByMn, ZoneId siteZone, ReadingSink sink,
                       GatewayMetrics metrics, Clock clock) throws InterruptedException {
        this.metrics = metrics;
        metrics.watchConnections("hj212", connections::size);
        Hj212PacketDecoder packets = new Hj212PacketDecoder(cfg.acceptModbusCrc(), this, () -> metrics.hj212Lenient());
        Map<String, Hj212Station> byMn = Map.copyOf(stationsByMn);
        Hj212ReadingMapper mapper = new Hj212ReadingMapper(siteZone, clock,
                new ProfileReadings(new UnusableValues(metrics::valueUnusable)));
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
        LOG.info("HJ 212 server listening on {}:{} for {} stations", cfg.bind(), port(), stationsByMn.size());
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
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

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
