package gridwatch.gateway.ingest.hj212;

import gridwatch.gateway.ingest.hj212.Hj212Exception.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The framer, fed real packets whole, split, glued, dirtied and cut short (run with paranoid leak detection). */
class Hj212FrameDecoderTest {

    private final List<Reason> rejected = new ArrayList<>();
    private final EmbeddedChannel ch = new EmbeddedChannel(new Hj212FrameDecoder(1024, (r, ctx, d) -> rejected.add(r)));

    @AfterEach
    void finish() {
        assertThat(ch.finish()).as("nothing left unread").isFalse();
    }

    private static ByteBuf buf(byte[]... parts) {
        return Unpooled.wrappedBuffer(parts);
    }

    private List<Hj212Frame> frames() {
        List<Hj212Frame> out = new ArrayList<>();
        Object o;
        while ((o = ch.readInbound()) != null) {
            out.add((Hj212Frame) o);
        }
        return out;
    }

    private static String text(Hj212Frame f) {
        return new String(f.segment(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aWholePacketIsOneFrameWithItsCrc() {
        ch.writeInbound(buf(Hj212Samples.get("S3").wire()));
        List<Hj212Frame> f = frames();
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(text(x)).startsWith("QN=20160801085000001;ST=23;CN=2051").endsWith("&&");
            assertThat(x.crc()).isEqualTo("1DC0");
        });
        assertThat(rejected).isEmpty();
    }

    @Test
    void aPacketArrivingByteByByteIsStillOneFrame() {
        for (byte b : Hj212Samples.get("S2").wire()) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(frames()).hasSize(1);
        assertThat(rejected).isEmpty();
    }

    @Test
    void packetsGluedTogetherComeOutInOrder() {
        ch.writeInbound(buf(Hj212Samples.get("S2").wire(), Hj212Samples.get("S3").wire(), Hj212Samples.get("S4").wire()));
        assertThat(frames()).extracting(Hj212Frame::crc).containsExactly("1E00", "1DC0", "F9C1");
    }

    @Test
    void garbageBeforeAPacketIsSkippedAndCounted() {
        ch.writeInbound(buf("\u0000\u00ffhello# noise".getBytes(StandardCharsets.ISO_8859_1), Hj212Samples.get("S2").wire()));
        assertThat(frames()).hasSize(1);
        assertThat(rejected).containsExactly(Reason.GARBAGE);
    }

    @Test
    void aWrongLengthIsCountedAndTheNextPacketStillDecodes() {
        ch.writeInbound(buf(Hj212Samples.get("R13").wire(), Hj212Samples.get("S2").wire()));
        assertThat(frames()).extracting(Hj212Frame::crc).containsExactly("1E00");
        assertThat(rejected).contains(Reason.BAD_LENGTH);
    }

    @Test
    void aTruncatedPacketDoesNotSwallowTheOneAfterIt() {
        String s3 = Hj212Samples.get("S3").packet();
        byte[] cut = s3.substring(0, s3.length() / 2).getBytes(StandardCharsets.ISO_8859_1);
        ch.writeInbound(buf(cut, Hj212Samples.get("S2").wire(), Hj212Samples.get("S4").wire()));
        assertThat(frames()).extracting(Hj212Frame::crc).contains("F9C1");
        assertThat(rejected).contains(Reason.BAD_LENGTH);
    }

    @Test
    void anOversizedPacketIsRefusedBeforeItIsBuffered() {
        ch.writeInbound(buf(Hj212Samples.get("R4").wire(), Hj212Samples.get("S2").wire()));
        assertThat(frames()).extracting(Hj212Frame::crc).containsExactly("1E00");
        assertThat(rejected).contains(Reason.OVERSIZED);
    }

    @Test
    void aNonNumericLengthIsMalformed() {
        ch.writeInbound(buf("##00x1QN=1&&".getBytes(StandardCharsets.US_ASCII), Hj212Samples.get("S2").wire()));
        assertThat(frames()).hasSize(1);
        assertThat(rejected).contains(Reason.MALFORMED);
    }
}
