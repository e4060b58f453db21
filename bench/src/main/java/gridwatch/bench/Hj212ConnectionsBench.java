package gridwatch.bench;

import gridwatch.gateway.ingest.hj212.Hj212Responses;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * HJ 212 packets/s ingested and evaluated over 1,000 concurrent connections — through the real
 * gateway (framer, CRC, parser, station auth, pipeline, noise rule) — against a bare Netty
 * line-based echo server fed the same bytes over the same 1,000 connections, in the same run.
 * Args: connections packetsPerConnection rounds.
 */
public final class Hj212ConnectionsBench {

    private static final String MN = "BENCH0000NOISE0001";

    public static void main(String[] args) throws Exception {
        int connections = Integer.parseInt(args[0]);
        int perConnection = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        byte[] packet = Hj212Responses.frame("QN=20261120100000000;ST=23;CN=2011;PW=123456;MN=" + MN
                + ";Flag=4;CP=&&DataTime=20261120100000;LA-Rtd=52.3,LA-Flag=N&&");
        EventLoopGroup clients = new NioEventLoopGroup(1);
        try {
            for (int round = 0; round <= rounds; round++) {
                double gw = gatewayRate(clients, packet, connections, perConnection);
                double echo = echoRate(clients, packet, connections, perConnection);
                if (round > 0) { // round 0 warms up
                    System.out.printf("hj212 %d connections round %d: gateway %,.0f packets/s, bare Netty line echo %,.0f lines/s, ratio %.2f%n",
                            connections, round, gw, echo, gw / echo);
                }
            }
        } finally {
            clients.shutdownGracefully().syncUninterruptibly();
        }
        System.exit(0);
    }

    private static double gatewayRate(EventLoopGroup clients, byte[] packet, int connections, int per) throws Exception {
        Path dir = Files.createTempDirectory("bench-hj212");
        Files.writeString(dir.resolve("none.csv"), "offsetSeconds,resource,value\n");
        Path file = dir.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: bench-hj212}
                uplink: {broker: "tcp://127.0.0.1:1"}
                outbox: {directory: outbox}
                http: {port: 0}
                ingest: {hj212: {bind: 127.0.0.1, port: 0}}
                devices:
                  - {id: station, profile: noise-station-hj212, connection: {type: hj212, mn: "%s", password: "123456"}}
                categories: {noise.construction: {code: "03-01", nameZh: 施工扰民}}
                rules:
                  - {id: n, type: noise-limit, alertType: noise.construction, devices: [station], resource: LA, areaClass: construction}
                """.formatted(MN));
        try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
            int port = g.hj212().orElseThrow().port();
            return drive(clients, port, packet, connections, per, () -> (long) g.metrics().readingsInCount("station"));
        }
    }

    private static double echoRate(EventLoopGroup clients, byte[] packet, int connections, int per) throws Exception {
        AtomicLong lines = new AtomicLong();
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup();
        try {
            Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new LineBasedFrameDecoder(2048), new Echo(lines));
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            double rate = drive(clients, port, packet, connections, per, lines::get);
            server.close().sync();
            return rate;
        } finally {
            boss.shutdownGracefully().syncUninterruptibly();
            workers.shutdownGracefully().syncUninterruptibly();
        }
    }

    /** Opens all connections, then sends each its packets in writes of 50, and waits for the server's count. */
    private static double drive(EventLoopGroup group, int port, byte[] packet, int connections, int per, LongSupplier count)
            throws Exception {
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new Discard());
        List<Channel> channels = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            channels.add(b.connect("127.0.0.1", port).sync().channel());
        }
        byte[] fifty = new byte[packet.length * 50];
        for (int i = 0; i < 50; i++) {
            System.arraycopy(packet, 0, fifty, i * packet.length, packet.length);
        }
        long target = count.getAsLong() + (long) connections * per;
        long start = System.nanoTime();
        for (int sent = 0; sent < per; sent += 50) {
            for (Channel c : channels) {
                c.writeAndFlush(Unpooled.wrappedBuffer(fifty));
            }
            while (count.getAsLong() < target - (long) connections * (per - sent - 50) - connections * 100L) {
                // Keep at most ~2 writes in flight per connection. Park, not spin: on 2 cores a
                // spinning client steals the core the server under test needs (both sides alike).
                LockSupport.parkNanos(50_000);
            }
        }
        while (count.getAsLong() < target) {
            Thread.sleep(1);
        }
        double rate = (double) connections * per / ((System.nanoTime() - start) / 1e9);
        for (Channel c : channels) {
            c.close();
        }
        return rate;
    }

    /** The bare baseline: count each line and write it back. Stateless. */
    @ChannelHandler.Sharable
    private static final class Echo extends SimpleChannelInboundHandler<ByteBuf> {
        private final AtomicLong lines;

        Echo(AtomicLong lines) {
            this.lines = lines;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            lines.incrementAndGet();
            ctx.write(line.retain());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }

    /** The clients ignore what comes back. */
    @ChannelHandler.Sharable
    private static final class Discard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
