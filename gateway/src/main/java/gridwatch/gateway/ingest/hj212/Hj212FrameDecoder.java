package gridwatch.gateway.ingest.hj212;

import gridwatch.gateway.ingest.hj212.Hj212Exception.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cuts HJ 212 packets out of a TCP stream. Bytes before {@code ##} are garbage and skipped; the
 * 4-digit length must be digits and at most {@code maxDataBytes}; the packet must end with CR LF
 * exactly where the length says. On any of these faults it counts the fault and resynchronises
 * on the next {@code ##}, so one bad packet never costs the connection. A slow sender is simply
 * waited for (the idle handler ahead of this one closes a silent connection).
 * Stateful (it holds the cumulation buffer), so one instance per channel, never shared.
 */
public final class Hj212FrameDecoder extends ByteToMessageDecoder {

    private static final int HEADER = 6;
    private static final int TRAILER = 6;

    private final int maxDataBytes;
    private final Hj212Rejects rejects;

    public Hj212FrameDecoder(int maxDataBytes, Hj212Rejects rejects) {
        this.maxDataBytes = maxDataBytes;
        this.rejects = rejects;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = indexOfStart(in);
            if (start < 0) {
                // Keep a trailing '#': it may be the first half of the next "##".
                int keep = in.getByte(in.writerIndex() - 1) == '#' ? 1 : 0;
                int discard = in.readableBytes() - keep;
                if (discard > 0) {
                    in.skipBytes(discard);
                    rejects.rejected(Reason.GARBAGE, ctx, discard + " bytes without ##");
                }
                return;
            }
            if (start > in.readerIndex()) {
                rejects.rejected(Reason.GARBAGE, ctx, (start - in.readerIndex()) + " bytes before ##");
                in.readerIndex(start);
            }
            if (in.readableBytes() < HEADER) {
                return;
            }
            int length = digits(in, start + 2);
            if (length < 0) {
                rejects.rejected(Reason.MALFORMED, ctx, "length field is not 4 digits");
                in.skipBytes(2);
                continue;
            }
            if (length > maxDataBytes) {
                rejects.rejected(Reason.OVERSIZED, ctx, "declared " + length + " > " + maxDataBytes + " bytes");
                in.skipBytes(2);
                continue;
            }
            int total = HEADER + length + TRAILER;
            if (in.readableBytes() < total) {
                return;
            }
            int end = start + HEADER + length;
            if (in.getByte(end + 4) != '\r' || in.getByte(end + 5) != '\n') {
                rejects.rejected(Reason.BAD_LENGTH, ctx, "no CR LF where length " + length + " says");
                in.skipBytes(2);
                continue;
            }
            byte[] segment = new byte[length];
            in.getBytes(start + HEADER, segment);
            String crc = in.toString(end, 4, StandardCharsets.US_ASCII);
            in.skipBytes(total);
            out.add(new Hj212Frame(segment, crc));
        }
    }

    private static int indexOfStart(ByteBuf in) {
        int from = in.readerIndex();
        int to = in.writerIndex() - 1;
        for (int i = from; i < to; i++) {
            if (in.getByte(i) == '#' && in.getByte(i + 1) == '#') {
                return i;
            }
        }
        return -1;
    }

    private static int digits(ByteBuf in, int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            byte b = in.getByte(i);
            if (b < '0' || b > '9') {
                return -1;
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }
}
