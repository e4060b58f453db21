package gridwatch.gateway.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.gateway.alert.RecentAlerts;
import gridwatch.gateway.alert.json.AlertJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Routes the three operations endpoints. Stateless (it only reads from the suppliers it was
 * given), so one instance serves every channel. The {@link FullHttpRequest} is released by
 * {@link SimpleChannelInboundHandler}; each response buffer is released by Netty once written.
 */
@ChannelHandler.Sharable
public final class OpsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(OpsHandler.class);

    private final Supplier<HealthReport> health;
    private final GatewayMetrics metrics;
    private final RecentAlerts recent;
    private final ObjectMapper json = AlertJson.mapper();

    public OpsHandler(Supplier<HealthReport> health, GatewayMetrics metrics, RecentAlerts recent) {
        this.health = health;
        this.metrics = metrics;
        this.recent = recent;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) throws JsonProcessingException {
        if (!req.decoderResult().isSuccess()) {
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, "text/plain", "bad request\n");
            return;
        }
        if (req.method() != HttpMethod.GET) {
            respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "GET only\n");
            return;
        }
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        switch (q.path()) {
            case "/health" -> {
                HealthReport h = health.get();
                respond(ctx, req, HttpResponseStatus.valueOf(h.httpStatus()), "application/json", json.writeValueAsString(h));
            }
            case "/metrics" -> respond(ctx, req, HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            case "/api/alerts" -> {
                int limit = intParam(q, "limit", 50);
                respond(ctx, req, HttpResponseStatus.OK, "application/json",
                        json.writeValueAsString(Map.of("alerts", recent.newestFirst(Math.min(limit, 1000)))));
            }
            default -> respond(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain", "try /health, /metrics or /api/alerts\n");
        }
    }

    private static int intParam(QueryStringDecoder q, String name, int dflt) {
        List<String> v = q.parameters().get(name);
        try {
            return v == null || v.isEmpty() ? dflt : Math.max(1, Integer.parseInt(v.getFirst()));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String type, String body) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        HttpUtil.setContentLength(res, content.readableBytes());
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(res, keepAlive);
        var f = ctx.writeAndFlush(res);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("ops http {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
        ctx.close();
    }
}
