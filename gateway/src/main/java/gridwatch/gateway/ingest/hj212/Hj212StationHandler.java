package gridwatch.gateway.ingest.hj212;

import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.hj212.Hj212Exception.Reason;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The last handler: checks MN and PW on every packet, hands the readings to the pipeline (a
 * non-blocking enqueue, so the event loop never waits), answers 9014 when the packet asks for
 * it and 9015 heartbeats, and closes idle connections. Nothing reaches the pipeline tail: errors
 * are logged here and the channel closed.
 *
 * <p>One instance per connection, because it batches: the readings and answers of everything
 * one socket read held are handed over and flushed once, on {@code channelReadComplete}, the way
 * Netty's own handlers consolidate flushes. A station that uploads a backlog of fifty packets
 * costs one pipeline enqueue and one write syscall, not fifty of each.
 */
final class Hj212StationHandler extends SimpleChannelInboundHandler<Hj212Packet> {

    /** Hand over early if one read holds this many readings, to bound the batch. */
    private static final int MAX_BATCH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(Hj212StationHandler.class);

    private final Map<String, Hj212Station> byMn;
    private final Hj212ReadingMapper mapper;
    private final ReadingSink sink;
    private final Hj212Rejects rejects;
    private final Consumer<String> accepted;
    private List<Reading> batch = new ArrayList<>();
    private boolean unflushed;

    Hj212StationHandler(Map<String, Hj212Station> byMn, Hj212ReadingMapper mapper, ReadingSink sink,
                        Hj212Rejects rejects, Consumer<String> accepted) {
        this.byMn = byMn;
        this.mapper = mapper;
        this.sink = sink;
        this.rejects = rejects;
        this.accepted = accepted;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Hj212Packet p) {
        Hj212Station station = byMn.get(p.mn());
        if (station == null) {
            rejects.rejected(Reason.UNKNOWN_DEVICE, ctx, "MN " + p.mn() + " is not configured");
            return;
        }
        if (!station.password().equals(p.pw())) {
            rejects.rejected(Reason.BAD_PASSWORD, ctx, "wrong PW from " + station.deviceId() + " (MN " + p.mn() + ")");
            return;
        }
        accepted.accept(p.cn());
        if ("9015".equals(p.cn())) {
            ctx.write(Unpooled.wrappedBuffer(Hj212Responses.heartbeatAck(p)));
            unflushed = true;
            return;
        }
        batch.addAll(mapper.readings(station, p));
        if (batch.size() >= MAX_BATCH) {
            handOver();
        }
        if (p.wantsAnswer()) {
            ctx.write(Unpooled.wrappedBuffer(Hj212Responses.dataAck(p)));
            unflushed = true;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        handOver();
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        handOver();
        ctx.fireChannelInactive();
    }

    private void handOver() {
        if (!batch.isEmpty()) {
            sink.acceptAll(batch);
            batch = new ArrayList<>();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("hj212: closing idle connection {}", ctx.channel().remoteAddress());
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("hj212 {}: {}; closing", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
