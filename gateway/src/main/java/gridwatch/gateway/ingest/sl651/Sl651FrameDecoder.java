package gridwatch.gateway.ingest.sl651;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;
import java.util.Set;

/**
 * Cuts SL 651 frames out of a TCP byte stream: resyncs on 7E7E, reads the 12-bit body length,
 * checks the start character, the end character and the CRC. A broken frame is reported to
 * {@link Rejects} with its reason and skipped (the search restarts after its 7E7E); the
 * connection stays open.
 */
final class Sl651FrameDecoder extends ByteToMessageDecoder {

    /** 7E7E + addresses (6) + password (2) + function (1) + direction/length (2) + start (1). */
    private static final int HEADER = 14;
    private static final Set<Integer> ENDS = Set.of(0x03, 0x17, 0x05, 0x06, 0x04, 0x15, 0x1B);

    interface Rejects {
        void rejected(String reason, ChannelHandlerContext ctx, String detail);
    }

    private final Rejects rejects;

    Sl651FrameDecoder(Rejects rejects) {
        this.rejects = rejects;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            int sync = find(in);
            if (sync < 0) {
                // Keep a trailing 7E: it may be the first half of the next frame's 7E7E.
                int keep = in.readableBytes() > 0 && in.getUnsignedByte(in.writerIndex() - 1) == 0x7E ? 1 : 0;
                if (in.readableBytes() - keep > 0) {
                    rejects.rejected("garbage", ctx, (in.readableBytes() - keep) + " bytes before any 7E7E");
                }
                in.skipBytes(in.readableBytes() - keep);
                return;
            }
            if (sync > in.readerIndex()) {
                rejects.rejected("garbage", ctx, (sync - in.readerIndex()) + " bytes before 7E7E");
                in.readerIndex(sync);
            }
            if (in.readableBytes() < HEADER) {
                return;
            }
            int r = in.readerIndex();
            int dirLen = in.getUnsignedShort(r + 11);
            int length = dirLen & 0x0FFF;
            int startChar = in.getUnsignedByte(r + 13);
            if (startChar != Sl651Frame.STX && startChar != Sl651Frame.SYN) {
                rejects.rejected("malformed", ctx, String.format("start character %02X is neither STX nor SYN", startChar));
                in.skipBytes(2);
                continue;
            }
            int total = HEADER + length + 1 + 2;
            if (in.readableBytes() < total) {
                return;
            }
            int endChar = in.getUnsignedByte(r + HEADER + length);
            if (!ENDS.contains(endChar)) {
                rejects.rejected("bad_length", ctx, String.format("no end character after the %d-byte body (found %02X)", length, endChar));
                in.skipBytes(2);
                continue;
            }
            byte[] frame = new byte[total];
            in.getBytes(r, frame);
            int sent = ((frame[total - 2] & 0xFF) << 8) | (frame[total - 1] & 0xFF);
            int crc = Sl651Crc.of(frame, 0, total - 2);
            if (sent != crc) {
                rejects.rejected("bad_crc", ctx, String.format("sent %04X, expected %04X", sent, crc));
                in.skipBytes(total);
                continue;
            }
            in.skipBytes(total);
            boolean up = (dirLen >>> 12) == 0;
            int centre = frame[up ? 2 : 7] & 0xFF;
            String station = Sl651Frame.hex(frame, up ? 3 : 2, 5);
            byte[] body = new byte[length];
            System.arraycopy(frame, HEADER, body, 0, length);
            out.add(new Sl651Frame(centre, station, Sl651Frame.hex(frame, 8, 2), frame[10] & 0xFF, up, startChar, body, endChar));
        }
    }

    private static int find(ByteBuf in) {
        for (int i = in.readerIndex(); i < in.writerIndex() - 1; i++) {
            if (in.getUnsignedByte(i) == 0x7E && in.getUnsignedByte(i + 1) == 0x7E) {
                return i;
            }
        }
        return -1;
    }
}
