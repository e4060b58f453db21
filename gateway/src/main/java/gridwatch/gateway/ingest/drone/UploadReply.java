package gridwatch.gateway.ingest.drone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upload endpoint's answers: JSON, {@code {"error": code, "reason": sentence}} for a refusal. Stateless.
 * A response buffer is released by Netty once written.
 */
final class UploadReply {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, JSON body, and whether the connection closes after it. */
    record Answer(HttpResponseStatus status, Map<String, Object> body, boolean close, int retryAfterSeconds) {

        static Answer refusal(HttpResponseStatus status, String code, String reason) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", code);
            body.put("reason", reason);
            return new Answer(status, body, false, 0);
        }

        Answer closing() {
            return new Answer(status, body, true, retryAfterSeconds);
        }

        Answer retryAfter(int seconds) {
            return new Answer(status, body, close, seconds);
        }

        /** The refusal code, or "accepted". */
        String code() {
            Object e = body.get("error");
            return e == null ? "accepted" : e.toString();
        }
    }

    private UploadReply() {
    }

    /** The HTTP status a refused photo gets. */
    static HttpResponseStatus statusOf(RefusalReason reason) {
        return switch (reason) {
            case EMPTY -> HttpResponseStatus.BAD_REQUEST;
            case NOT_JPEG -> HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
            case TRUNCATED, TOO_MANY_PIXELS, BAD_JPEG -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
        };
    }

    static Answer refused(Refusal r) {
        return Answer.refusal(statusOf(r.reason()), r.reason().code(), r.message());
    }

    static Answer accepted(PhotoIntake.Accepted a, long pending) {
        PatrolPhoto p = a.photo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", a.duplicate() ? "duplicate" : "accepted");
        body.put("device", p.deviceId());
        body.put("patrol", p.patrolId());
        body.put("sha256", p.sha256());
        body.put("bytes", p.bytes());
        body.put("width", p.width());
        body.put("height", p.height());
        body.put("receivedAt", p.receivedAt().toString());
        body.put("pending", pending);
        return new Answer(a.duplicate() ? HttpResponseStatus.OK : HttpResponseStatus.CREATED, body, false, 0);
    }

    /** Writes {@code answer}; any thread. Closes the connection after it when asked to or when the client did not ask to keep it. */
    static ChannelFuture write(ChannelHandlerContext ctx, Answer answer, boolean clientKeepsAlive) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
        ByteBuf content = Unpooled.wrappedBuffer(json, 0, json.length);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(), content);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (answer.status().equals(HttpResponseStatus.UNAUTHORIZED)) {
            res.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"gridwatch-drone\"");
        }
        if (answer.retryAfterSeconds() > 0) {
            res.headers().set(HttpHeaderNames.RETRY_AFTER, answer.retryAfterSeconds());
        }
        HttpUtil.setContentLength(res, json.length);
        boolean keepAlive = clientKeepsAlive && !answer.close();
        HttpUtil.setKeepAlive(res, keepAlive);
        ChannelFuture f = ctx.writeAndFlush(res);
        if (!keepAlive) {
            f.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        }
        return f;
    }
}
