package gridwatch.gateway.vision;

import com.fasterxml.jackson.databind.JsonNode;
import gridwatch.gateway.support.CenterRoundTrip;
import gridwatch.gateway.support.SharedData;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * A camera over a dense crowd, counting by density, through the whole gateway to the center: the real
 * UCF_CC_50 photo of a concert crowd (209 heads) filmed as a still recording played in real time, the real YOLOX-nano and
 * MCNN models on the box's density worker, a real mosquitto. The crowd rule's threshold of 100 is out
 * of the detector's reach (it finds a handful of these people); the hybrid count reaches it.
 */
@Tag("servers")
@Tag("models")
class DensityCameraToAlertTest {

    static final String MCNN_A_SHA256 = "cb4e9ff439ad497a1bddb9eab0f6b5cbf711a8a3b26f232fd90c27def9f725cb";

    @TempDir
    Path dir;

    /** The still as a 20 s recording at 5 frames/s (MJPEG AVI): a camera that sees the same crowd. */
    static Path stillRecording(Path still, Path out) throws Exception {
        try (Mat m = imread(still.toString()); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), m.cols(), m.rows())) {
            r.setFormat("avi");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            r.setFrameRate(5);
            r.setVideoQuality(3);
            r.start();
            for (int i = 0; i < 100; i++) {
                r.record(conv.convert(m));
            }
            r.stop();
        }
        return out;
    }

    @Test
    void aDenseCrowdRaisesACrowdAlertCountedByDensityWithTheHeatOnItsSnapshot() throws Exception {
        Path video = stillRecording(SharedData.path("testdata/crowd2/ucfcc50_16.jpg"), dir.resolve("concert.avi"));
        JsonNode d = CenterRoundTrip.firstAlert(dir, "plaza-box", broker -> """
                gateway: {id: plaza-box}
                uplink: {broker: "%s"}
                outbox: {directory: outbox}
                http: {port: 0}
                zones: [{id: plaza-1, gridCell: {code: "310104013008", name: 广场 第8网格}}]
                vision:
                  model: {path: "%s", sha256: "%s"}
                  densityModel: {path: "%s", sha256: "%s"}
                devices:
                  - id: cam-concert
                    profile: ip-camera
                    zone: plaza-1
                    connection: {type: video, url: "%s", analysisFps: 1, loop: true}
                    vision:
                      zones: [{id: square, polygon: [[0, 0], [1, 0], [1, 1], [0, 1]], areaM2: 500}]
                      density: {periodSeconds: 2}
                      crowd: [{id: square-crowd, zone: square, minPeople: 100, minSeconds: 4, clearSeconds: 5, smoothFrames: 3, severity: orange}]
                categories:
                  crowd.gathering: {code: "04-09", nameZh: 人群聚集, scheme: CJT214}
                """.formatted(broker, SharedData.path("models/yolox_nano.onnx"), SharedData.YOLOX_NANO_SHA256,
                SharedData.path("models/mcnn_shtechA.onnx"), MCNN_A_SHA256, video), g -> { }, Duration.ofSeconds(120));
        assertThat(d.at("/category/nameZh").asText()).isEqualTo("人群聚集");
        assertThat(d.at("/severity").asText()).isEqualTo("orange");
        assertThat(d.get("summary").asText()).contains("people in square").contains("density count");
        Map<String, Double> m = new HashMap<>();
        d.get("measurements").forEach(x -> m.put(x.get("name").asText(), x.get("value").asDouble()));
        assertThat(m.get("people")).isBetween(100.0, 418.0);
        assertThat(m.get("peopleDetector")).isLessThan(100.0);
        assertThat(m.get("peopleDensity")).isBetween(100.0, 418.0);
        assertThat(m.get("densityPerM2")).isGreaterThan(0.2);
        JsonNode snapshot = null;
        for (JsonNode e : d.get("evidence")) {
            if (e.get("kind").asText().equals("snapshot")) {
                snapshot = e;
            }
        }
        assertThat(snapshot).isNotNull();
        // The photo is grey: the colour on the snapshot is the density map's heat.
        assertThat(colouredShare(Base64.getDecoder().decode(snapshot.get("data").asText()))).isGreaterThan(0.05);
    }

    /** Share of pixels with HSV saturation over 100 (clearly coloured, not grey). */
    static double colouredShare(byte[] jpeg) {
        try (BytePointer bytes = new BytePointer(jpeg); Mat encoded = new Mat(bytes);
             Mat img = opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_COLOR); Mat hsv = new Mat(); MatVector planes = new MatVector();
             Mat sat = new Mat()) {
            opencv_imgproc.cvtColor(img, hsv, opencv_imgproc.COLOR_BGR2HSV);
            opencv_core.split(hsv, planes);
            opencv_imgproc.threshold(planes.get(1), sat, 100, 255, opencv_imgproc.THRESH_BINARY);
            return (double) opencv_core.countNonZero(sat) / (img.rows() * img.cols());
        }
    }
}
