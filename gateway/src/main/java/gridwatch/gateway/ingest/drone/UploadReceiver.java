package gridwatch.gateway.ingest.drone;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload connection, after the HTTP codec: admits or turns away each request on its head
 * ({@link UploadAdmission}), copies an admitted body into one array of its declared length, and hands it to the
 * intake thread, which writes the answer. Reading pauses while a photo is with the intake, so a connection has at most
 * one upload in progress. A turned-away request's body is read and thrown away, keeping the connection usable; after
 * {@code Expect: 100-continue} the connection is closed instead (the client may or may not send the body).
 *
 * <p>Not {@code @Sharable}: it holds the request in progress. Netty calls it on the channel's event loop; it never
 * blocks there. Message buffers are released by {@link SimpleChannelInboundHandler} after {@link #channelRead0}
 * (their bytes are copied out first).
 */
final class UploadReceiver extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger LOG = LoggerFactory.getLogger(UploadReceiver.class);

    private final UploadAdmission admission;
    private final UploadIntake intake;
    private UploadAdmission.@Nullable Admitted current;
    private byte[] body = new byte[0];
    private int filled;
    private boolean discarding;
    private boolean keepAlive;
    /** A photo of this connection is with the intake and its answer not yet written. */
    private boolean answering;

    UploadReceiver(UploadAdmission admission, UploadIntake intake) {
        this.admission = admission;
        this.intake = intake;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest req) {
            head(ctx, req);
        }
        if (msg instanceof HttpContent content) {
            content(ctx, content);
        }
    }

    private void head(ChannelHandlerContext ctx, HttpRequest req) {
        if (answering) {
            // A pipelined request, decoded from bytes read before reading paused: its answer would overtake the one
            // still being made. Pipelining is rare (no common HTTP client does it); the client retries on a new connection.
            LOG.info("drone upload {}: pipelined request while an upload is being stored; closing the connection", ctx.channel().remoteAddress());
            discarding = true;
            ctx.close();
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(req);
        if (req.decoderResult().isFailure()) {
            turnAway(ctx, UploadReply.Answer.refusal(HttpResponseStatus.BAD_REQUEST, "bad_request",
                    "not a valid HTTP request: " + req.decoderResult().cause()).closing(), false);
            return;
        }
        switch (admission.admit(req)) {
            case UploadAdmission.Turned t -> turnAway(ctx, t.answer(), HttpUtil.is100ContinueExpected(req));
            case UploadAdmission.Admitted a -> {
                current = a;
                body = new byte[a.length()];
                filled = 0;
                if (HttpUtil.is100ContinueExpected(req)) {
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
                }
            }
        }
    }

    private void turnAway(ChannelHandlerContext ctx, UploadReply.Answer answer, boolean expectContinue) {
        intake.refused(answer, String.valueOf(ctx.channel().remoteAddress()));
        UploadReply.write(ctx, expectContinue ? answer.closing() : answer, keepAlive);
        discarding = !expectContinue && !answer.close();
    }

    private void content(ChannelHandlerContext ctx, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (discarding) {
            discarding = !last;
            return;
        }
        UploadAdmission.Admitted a = current;
        if (a == null) {
            return;
        }
        ByteBuf buf = content.content();
        int n = Math.min(buf.readableBytes(), body.length - filled);   // the codec frames by Content-Length: never more
        buf.readBytes(body, filled, n);
        filled += n;
        if (!last) {
            return;
        }
        byte[] photo = body;
        current = null;
        body = new byte[0];
        boolean keep = keepAlive;
        answering = true;
        ctx.channel().config().setAutoRead(false);
        // The listener runs on this channel's event loop, like every other access to this handler's fields.
        intake.submit(a, photo, answer -> UploadReply.write(ctx, answer, keep).addListener(f -> {
            answering = false;
            admission.release();
            ctx.channel().config().setAutoRead(true);
        }));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {   // gone in the middle of a body: give its slot back
            current = null;
            body = new byte[0];
            admission.release();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("drone upload {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
