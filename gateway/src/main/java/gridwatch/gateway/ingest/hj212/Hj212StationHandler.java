package gridwatch.gateway.ingest.hj212;

import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.gateway.ingest.hj212.Hj212Exception.Reason;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The last handler: checks MN and PW on every packet, hands the readings to the pipeline (a
 * non-blocking enqueue, so the event loop never waits), answers 9014 when the packet asks for
 * it and 9015 heartbeats, and closes idle connections. Stateless, so one instance for all
 * channels. Nothing reaches the pipeline tail: errors are logged here and the channel closed.
 */
@ChannelHandler.Sharable
final class Hj212StationHandler extends SimpleChannelInboundHandler<Hj212Packet> {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212StationHandler.class);

    private final Map<String, Hj212Station> byMn;
    private final Hj212ReadingMapper mapper;
    private final ReadingSink sink;
    private final Hj212Rejects rejects;
    private final Consumer<String> accepted;

    Hj212StationHandler(Map<String, Hj212Station> byMn, Hj212ReadingMapper mapper, ReadingSink sink,
                        Hj212Rejects rejects, Consumer<String> accepted) {
        this.byMn = Map.copyOf(byMn);
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
            ctx.writeAndFlush(Unpooled.wrappedBuffer(Hj212Responses.heartbeatAck(p)));
            return;
        }
        for (Reading r : mapper.readings(station, p)) {
            sink.accept(r);
        }
        if (p.wantsAnswer()) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(Hj212Responses.dataAck(p)));
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
