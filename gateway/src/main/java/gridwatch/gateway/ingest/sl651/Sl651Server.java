package gridwatch.gateway.ingest.sl651;

import gridwatch.config.model.Sl651ServerConfig;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.UnusableValues;
import gridwatch.gateway.ops.GatewayMetrics;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SL 651-2014 (水文监测数据通信规约) TCP server hydrological telemetry stations report to, in
 * HEX/BCD mode. Per channel: idle close → framer (7E7E, length, end character, CRC-16/MODBUS)
 * → station check, readings, ACK. Refused frames are counted by reason and logged at most once a
 * minute per reason and peer; the connection stays open.
 */
public final class Sl651Server implements AutoCloseable, Sl651FrameDecoder.Rejects {

    private static final Logger LOG = LoggerFactory.getLogger(Sl651Server.class);

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(1);
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private final GatewayMetrics metrics;
    private final Channel channel;

    public Sl651Server(Sl651ServerConfig cfg, Map<String, Sl651Station> stations, ZoneId siteZone, ReadingSink sink,
                       GatewayMetrics metrics, Clock clock) throws InterruptedException {
        this.metrics = metrics;
        Map<String, Sl651Station> byAddress = Map.copyOf(stations);
        ProfileReadings readings = new ProfileReadings(new UnusableValues(metrics::valueUnusable));
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

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
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

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
