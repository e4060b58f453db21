package gridwatch.gateway.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.core.Subject;
import gridwatch.detectors.vision.snapshot.Annotator;
import gridwatch.detectors.vision.snapshot.LazyJpeg;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.AlertSchemas;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.SharedData;
import gridwatch.gateway.support.TestConfigs;
import gridwatch.gateway.support.WireCapture;
import gridwatch.gateway.support.WireCapture.Received;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * The per-message bound against a broker that enforces it (mosquitto's {@code max_packet_size}, as hosted brokers cap
 * messages): an alert with a real camera-sized snapshot of a detailed scene (a drone photo, drawn at 1280 px and JPEG
 * quality 80 as the camera rules draw) is over 128 KiB as drawn; it arrives under the bound with its picture
 * re-encoded smaller. Under a bound no picture fits, the alert still arrives, without the picture and saying so.
 */
@Tag("servers")
@Tag("models")
class MessageBoundTest {

    private static final String ALERTS = "gridwatch/v1/test-box/alerts/";
    private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");
    private static final AlertSchemas SCHEMAS = new AlertSchemas();
    private static Mat photo;

    @TempDir
    Path dir;

    @BeforeAll
    static void readThePhoto() {
        photo = imread(SharedData.path("testdata/drone/brighton_DJI_0024.JPG").toString());
        assertThat(photo.cols()).isEqualTo(4000);
    }

    @AfterAll
    static void freeThePhoto() {
        photo.close();
    }

    @Test
    void aSnapshotTooLargeForTheBrokerIsReEncodedSmallerAndTheAlertArrives() throws Exception {
        LazyJpeg snapshot = snapshot();
        int drawn = ((String) snapshot.render().data()).length();
        assertThat(drawn).as("the snapshot as drawn does not fit 128 KiB").isGreaterThan(128 * 1024);

        Received r = sendThrough(128 * 1024, "", finding(snapshot));

        assertThat(r.payload().length).as("the alert's JSON, 1 KiB under the bound").isLessThanOrEqualTo(127 * 1024);
        JsonNode data = r.json().get("data");
        assertThat(SCHEMAS.dataErrors(data)).isEmpty();
        assertThat(data.has("evidenceOmitted")).as("nothing left out").isFalse();
        assertThat(data.at("/evidence/0/kind").asText()).isEqualTo("series");
        JsonNode picture = data.at("/evidence/1");
        assertThat(picture.get("kind").asText()).isEqualTo("snapshot");
        assertThat(picture.get("data").asText().length()).isLessThan(drawn);
        BufferedImage image = jpeg(picture.get("data").asText());
        assertThat(image.getWidth()).as("still a picture an operator can read").isGreaterThanOrEqualTo(640).isLessThanOrEqualTo(1280);
    }

    @Test
    void evidenceThatCannotFitIsLeftOutAndTheAlertSaysSo() throws Exception {
        Received r = sendThrough(8192, "  maxMessageBytes: 8192\n", finding(snapshot()));

        assertThat(r.payload().length).isLessThanOrEqualTo(8192 - 1024);
        JsonNode data = r.json().get("data");
        assertThat(SCHEMAS.dataErrors(data)).isEmpty();
        assertThat(data.get("evidence")).extracting(e -> e.get("kind").asText()).as("what fits stays").containsExactly("series");
        JsonNode omitted = data.get("evidenceOmitted");
        assertThat(omitted).hasSize(1);
        assertThat(omitted.at("/0/kind").asText()).isEqualTo("snapshot");
        assertThat(omitted.at("/0/mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(omitted.at("/0/reason").asText()).isEqualTo("message-size");
        assertThat(omitted.at("/0/bytes").asLong()).isGreaterThan(8192);
        assertThat(data.get("summary").asText()).isEqualTo("a crowd on the footpath");
    }

    @Test
    void theBoxesPictureSettingsApplyToEverySnapshot() throws Exception {
        LazyJpeg snapshot = snapshot();
        Received r = sendThrough(128 * 1024, "  snapshots: {maxWidth: 640, quality: 60}\n", finding(snapshot));

        BufferedImage image = jpeg(r.json().at("/data/evidence/1/data").asText());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).as("aspect kept").isEqualTo(360);
        assertThat(r.json().get("data").has("evidenceOmitted")).isFalse();
    }

    /** One finding through a real gateway to a mosquitto that refuses PUBLISH packets over {@code maxPacket}. */
    private Received sendThrough(int maxPacket, String uplinkExtra, Finding f) throws Exception {
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")), "max_packet_size " + maxPacket);
             WireCapture center = new WireCapture(broker.url(), ALERTS + "#")) {
            Path file = TestConfigs.thresholdBox(dir, broker.url(), 70, "outbox");
            Files.writeString(file, Files.readString(file).replace("uplink: {broker: \"" + broker.url() + "\", maxInflight: 50}",
                    "uplink:\n  broker: \"" + broker.url() + "\"\n  maxInflight: 50\n" + uplinkExtra));
            try (Gateway g = Gateway.start(file, new GatewayConfigLoader().load(file), a -> { })) {
                g.pipeline().finding(f);
                await().atMost(60, TimeUnit.SECONDS).until(() -> !center.on(ALERTS).isEmpty());
                assertThat(g.outbox().stats().deadLetters()).isZero();
            }
            List<Received> alerts = center.on(ALERTS);
            assertThat(alerts).hasSize(1);
            return alerts.getFirst();
        }
    }

    /** The photo drawn as a camera rule draws its snapshot: at most 1280 px wide, JPEG quality 80, with a header. */
    private static LazyJpeg snapshot() {
        return new LazyJpeg("snapshot", new Annotator(1280, 80).sketch(photo, List.of(), List.of(), List.of(), List.of(),
                List.of("2026-11-20 10:00:00  footpath  people 14")), new LongAdder());
    }

    private static Finding finding(LazyJpeg snapshot) {
        Evidence series = new Evidence("series", "application/json", null, Map.of("resource", "Leq", "unit", "dB(A)",
                "points", List.of(Map.of("t", "2026-11-20T01:59:00Z", "v", 71.2), Map.of("t", "2026-11-20T02:00:00Z", "v", 74.0))));
        return new Finding("loud", "noise.construction", Subject.of("noise-1", "cell-1"), true, Severity.ORANGE, T,
                "a crowd on the footpath", List.of(), List.of(series), Lifetime.HELD, List.of(snapshot));
    }

    private static BufferedImage jpeg(String base64) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertThat(image).as("a JPEG ImageIO reads").isNotNull();
        return image;
    }
}
