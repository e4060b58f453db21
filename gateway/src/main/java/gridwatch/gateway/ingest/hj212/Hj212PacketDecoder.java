package gridwatch.gateway.ingest.hj212;

import gridwatch.gateway.ingest.hj212.Hj212Exception.Reason;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks each frame's CRC and parses it. Stateless, so one instance serves every channel.
 * With {@code acceptModbusCrc}, a CRC-16/MODBUS written low byte first (a real-world device
 * quirk) is accepted too; it is counted as {@code lenient_crc}, never silently.
 */
@ChannelHandler.Sharable
public final class Hj212PacketDecoder extends MessageToMessageDecoder<Hj212Frame> {

    private final Hj212Parser parser = new Hj212Parser();
    private final boolean acceptModbusCrc;
    private final Hj212Rejects rejects;
    private final Runnable lenientCrcSeen;

    public Hj212PacketDecoder(boolean acceptModbusCrc, Hj212Rejects rejects, Runnable lenientCrcSeen) {
        this.acceptModbusCrc = acceptModbusCrc;
        this.rejects = rejects;
        this.lenientCrcSeen = lenientCrcSeen;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, Hj212Frame frame, List<Object> out) {
        byte[] seg = frame.segment();
        int sent;
        try {
            sent = Integer.parseInt(frame.crc(), 16);
        } catch (NumberFormatException e) {
            rejects.rejected(Reason.BAD_CRC, ctx, "CRC field '" + frame.crc() + "' is not hex");
            return;
        }
        int expected = Hj212Crc.of(seg, 0, seg.length);
        if (sent != expected) {
            if (acceptModbusCrc && sent == Hj212Crc.modbusLowByteFirst(seg, 0, seg.length)) {
                lenientCrcSeen.run();
            } else {
                rejects.rejected(Reason.BAD_CRC, ctx, "sent " + frame.crc() + ", expected " + Hj212Crc.hex(expected));
                return;
            }
        }
        try {
            out.add(parser.parse(new String(seg, StandardCharsets.ISO_8859_1)));
        } catch (Hj212Exception e) {
            rejects.rejected(e.reason(), ctx, e.getMessage());
        }
    }
}
