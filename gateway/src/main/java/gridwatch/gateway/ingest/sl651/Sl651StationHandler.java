package gridwatch.gateway.ingest.sl651;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.gateway.ingest.ReadingSink;
import gridwatch.profiles.DeviceResource;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a frame's station address and password, turns a report's elements into readings by
 * the profile ({@code sl651.element}, hex identifier, e.g. 39 = water level Z), and confirms
 * each report with ACK. Keep-alive frames (2F) only keep the link. Times are the station's local
 * time (the site's zone).
 */
final class Sl651StationHandler extends SimpleChannelInboundHandler<Sl651Frame> {

    private final Map<String, Sl651Station> byAddress;
    private final ProfileReadings profileReadings;
    private final ReadingSink sink;
    private final Sl651FrameDecoder.Rejects rejects;
    private final ZoneId siteZone;
    private final Clock clock;

    Sl651StationHandler(Map<String, Sl651Station> byAddress, ProfileReadings profileReadings, ReadingSink sink,
                        Sl651FrameDecoder.Rejects rejects, ZoneId siteZone, Clock clock) {
        this.byAddress = byAddress;
        this.profileReadings = profileReadings;
        this.sink = sink;
        this.rejects = rejects;
        this.siteZone = siteZone;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Sl651Frame f) {
        if (!f.up()) {
            rejects.rejected("malformed", ctx, "a down frame sent to the centre");
            return;
        }
        Sl651Station s = byAddress.get(f.station());
        if (s == null) {
            rejects.rejected("unknown_station", ctx, "station " + f.station() + " is not configured");
            return;
        }
        if (!s.password().equalsIgnoreCase(f.password())) {
            rejects.rejected("bad_password", ctx, "wrong password from " + s.deviceId());
            return;
        }
        if (!Sl651Report.isReport(f.function()) || f.start() != Sl651Frame.STX || f.body().length < 8) {
            return; // keep-alive, queries and multi-packet pictures carry no readings for us
        }
        Sl651Report r = Sl651Report.parse(f.body());
        var local = r.observed() != null ? r.observed() : r.sent();
        Instant at = local != null ? local.atZone(siteZone).toInstant() : clock.instant();
        List<Reading> readings = new ArrayList<>();
        for (DeviceResource res : s.profile().deviceResources()) {
            Map<String, Object> a = res.attributes().get("sl651");
            Double v = a == null ? null : r.elements().get(String.valueOf(a.get("element")).toUpperCase());
            if (v != null) {
                readings.add(profileReadings.of(s.deviceId(), res.name(), res.properties(), v, at, Quality.GOOD));
            }
        }
        sink.acceptAll(readings);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(Sl651Replies.ack(f)));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        rejects.rejected("error", ctx, cause.toString());
        ctx.close();
    }
}
