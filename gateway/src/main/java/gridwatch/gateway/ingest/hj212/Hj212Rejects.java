package gridwatch.gateway.ingest.hj212;

import io.netty.channel.ChannelHandlerContext;

/** Where handlers report what they refused, so it is counted and logged in one place. Thread-safe. */
public interface Hj212Rejects {

    void rejected(Hj212Exception.Reason reason, ChannelHandlerContext ctx, String detail);
}
