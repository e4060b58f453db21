package gridwatch.gateway.vision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gridwatch.config.model.VideoConnection;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.scene.SceneAnalyzer;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.gateway.ingest.video.VideoStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one camera's analysis chain over an image or a recording for an operator tuning
 * thresholds: one JSON line per analysed frame (detections, counts per zone, rule states,
 * findings) and an annotated copy (JPEG for an image, MJPEG AVI for a video).
 */
public final class DetectTool {

    private final SceneAnalyzer analyzer;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private int frames;
    private int findings;

    public DetectTool(SceneAnalyzer analyzer, PrintStream out) {
        this.analyzer = analyzer;
        this.out = out;
    }

    public static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp");
    }

    /** @return the number of findings the rules produced */
    public int image(Path file, Path annotated) throws Exception {
        try (Mat m = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
            if (m.empty()) {
                throw new IllegalArgumentException("cannot read image " + file);
            }
            SceneAnalyzer.Result r = analyzer.analyse(m, Instant.now());
            print(r, m);
            Files.write(annotated, annotate(r, m));
        }
        return findings;
    }

    public int video(Path file, double fps, Path annotated) throws Exception {
        VideoConnection once = new VideoConnection(file.toAbsolutePath().toString(), null, null, fps, null, false, false, null, null);
        FFmpegFrameRecorder[] recorder = new FFmpegFrameRecorder[1];
        try (OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             VideoStream s = new VideoStream("detect", once, file.toAbsolutePath().getParent(), Clock.systemUTC(), ms -> { })) {
            s.start((m, at) -> {
                SceneAnalyzer.Result r = analyzer.analyse(m, at);
                print(r, m);
                try (Mat a = opencv_imgcodecs.imdecode(new Mat(new BytePointer(annotate(r, m))), opencv_imgcodecs.IMREAD_COLOR)) {
                    if (recorder[0] == null) {
                        recorder[0] = new FFmpegFrameRecorder(annotated.toFile(), a.cols(), a.rows());
                        recorder[0].setFormat("avi");
                        recorder[0].setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
                        recorder[0].setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P);
                        recorder[0].setFrameRate(fps);
                        recorder[0].setVideoQuality(3);
                        recorder[0].start();
                    }
                    recorder[0].record(conv.convert(a));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot write " + annotated + ": " + e.getMessage(), e);
                }
            });
            if (!s.awaitEnd(Duration.ofHours(6))) {
                throw new IllegalStateException("could not play " + file + ": " + s.describe());
            }
        } finally {
            if (recorder[0] != null) {
                recorder[0].close();
            }
        }
        return findings;
    }

    public int frames() {
        return frames;
    }

    private byte[] annotate(SceneAnalyzer.Result r, Mat m) {
        List<String> header = new ArrayList<>();
        header.add(String.format(Locale.ROOT, "frame %d  %s  %d objects", frames, r.at(), r.detections().size()));
        header.addAll(r.ruleStates().stream().map(s -> s.replaceAll("[^\\x20-\\x7E]", "?")).toList());
        return analyzer.annotator().jpeg(m, analyzer.zones(), analyzer.lines(), r.tracks(), header);
    }

    private void print(SceneAnalyzer.Result r, Mat m) {
        frames++;
        ObjectNode line = json.createObjectNode();
        line.put("frame", frames);
        line.put("at", r.at().toString());
        line.put("inferred", r.inferred());
        ArrayNode dets = line.putArray("detections");
        for (Detection d : r.detections()) {
            ObjectNode o = dets.addObject();
            o.put("class", d.label());
            o.put("score", Math.round(d.score() * 1000) / 1000.0);
            ArrayNode b = o.putArray("box");
            b.add(Math.round(d.box().x1())).add(Math.round(d.box().y1())).add(Math.round(d.box().x2())).add(Math.round(d.box().y2()));
        }
        ObjectNode zones = line.putObject("zones");
        for (ImageZone z : analyzer.zones()) {
            ObjectNode counts = zones.putObject(z.id());
            for (Detection d : r.detections()) {
                if (z.contains(d.box(), m.cols(), m.rows())) {
                    counts.put(d.label(), counts.path(d.label()).asInt(0) + 1);
                }
            }
            var state = r.zoneStates().get(z.id());
            counts.put("tracked", state.tracks());
            counts.put("maxDwellSeconds", Math.round(state.maxDwellSeconds() * 10) / 10.0);
        }
        ObjectNode lines = line.putObject("lines");
        r.lineCrossings().forEach((id, c) -> lines.putObject(id).put("in", c[0]).put("out", c[1]));
        ArrayNode rules = line.putArray("rules");
        r.ruleStates().forEach(rules::add);
        ArrayNode fs = line.putArray("findings");
        for (Finding f : r.findings()) {
            findings++;
            fs.addObject().put("rule", f.ruleId()).put("active", f.active()).put("severity", f.severity().wireName()).put("summary", f.summary());
        }
        out.println(line);
    }
}
