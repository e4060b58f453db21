package gridwatch.gateway.vision;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gridwatch.config.model.VideoConnection;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.density.DensityView;
import gridwatch.detectors.vision.density.ZoneCount;
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
import java.util.Objects;

/**
 * Runs one camera's analysis chain over an image or a recording for an operator tuning
 * thresholds: one JSON line per analysed frame (detections, counts per zone, rule states,
 * findings) and an annotated copy (JPEG for an image, MJPEG AVI for a video). Each zone also gets
 * {@code detector} (person tracks at the crowd rule's default score; on a still image every track,
 * since nothing can be confirmed on one frame), {@code density} (the density model's count over the
 * zone before the noise floor, null when the camera does not count by density: on an empty view of the
 * camera this is what {@code noiseFloor} should be), {@code hybrid} (the count the crowd rules use) and,
 * with the zone's area, {@code perM2}; with density, the annotated copy shows the map as a heat overlay.
 *
 * <p>Borrows the analysis chain (its caller closes it). Frames belong to the image reader or the
 * {@link VideoStream}; the annotated video's recorder belongs to {@code AnnotatedVideo}.
 */
public final class DetectTool {

    /** The crowd rule's default person score (edge-config schema), for the per-zone counts printed. */
    private static final float PERSON_SCORE = 0.35f;

    private final SceneAnalyzer analyzer;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private int frames;
    private int findings;
    /** False for a still image: its tracks are one frame old and cannot be confirmed. */
    private boolean confirmedOnly = true;

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
            confirmedOnly = false;
            print(r, m);
            Files.write(annotated, annotate(r, m));
        }
        return findings;
    }

    public int video(Path file, double fps, Path annotated) throws Exception {
        VideoConnection once = new VideoConnection(file.toAbsolutePath().toString(), null, null, fps, null, false, false, null, null);
        // Closed in reverse order: the stream (and its analysis thread) stops before the recorder is freed.
        try (AnnotatedVideo out = new AnnotatedVideo(annotated, fps);
             VideoStream s = new VideoStream("detect", once, Objects.requireNonNull(file.toAbsolutePath().getParent()), Clock.systemUTC(), ms -> { })) {
            s.start((m, at) -> {
                SceneAnalyzer.Result r = analyzer.analyse(m, at);
                print(r, m);
                out.write(annotate(r, m));
            });
            if (!s.awaitEnd(Duration.ofHours(6))) {
                throw new IllegalStateException("could not play " + file + ": " + s.describe());
            }
        }
        return findings;
    }

    /**
     * The annotated copy of a video, MJPEG in AVI. Owns the FFmpeg recorder and the frame
     * converter; {@link #write} runs on the analysis thread, {@link #close()} on the caller's, so
     * both hold the lock and a write after close is refused rather than reaching a freed recorder.
     */
    private static final class AnnotatedVideo implements AutoCloseable {

        private final Path file;
        private final double fps;
        private final OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
        private @Nullable FFmpegFrameRecorder recorder;
        private boolean closed;

        AnnotatedVideo(Path file, double fps) {
            this.file = file;
            this.fps = fps;
        }

        synchronized void write(byte[] jpeg) {
            if (closed) {
                throw new IllegalStateException("annotated video " + file + " is closed");
            }
            try (BytePointer bytes = new BytePointer(jpeg); Mat encoded = new Mat(bytes);
                 Mat a = opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_COLOR)) {
                if (recorder == null) {
                    recorder = new FFmpegFrameRecorder(file.toFile(), a.cols(), a.rows());
                    recorder.setFormat("avi");
                    recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
                    recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P);
                    recorder.setFrameRate(fps);
                    recorder.setVideoQuality(3);
                    recorder.start();
                }
                recorder.record(conv.convert(a));
            } catch (org.bytedeco.javacv.FrameRecorder.Exception e) {
                throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void close() throws org.bytedeco.javacv.FrameRecorder.Exception {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (recorder != null) {
                    recorder.close();
                }
            } finally {
                conv.close();
            }
        }
    }

    public int frames() {
        return frames;
    }

    private byte[] annotate(SceneAnalyzer.Result r, Mat m) {
        List<String> header = new ArrayList<>();
        header.add(String.format(Locale.ROOT, "frame %d  %s  %d objects", frames, r.at(), r.detections().size()));
        if (r.density() != null) {
            for (ImageZone z : analyzer.zones()) {
                header.add("zone " + z.id() + ": " + count(r, z, m).describe());
            }
        }
        header.addAll(r.ruleStates().stream().map(s -> s.replaceAll("[^\\x20-\\x7E]", "?")).toList());
        return analyzer.annotator().jpeg(m, analyzer.zones(), analyzer.lines(), r.tracks(), List.of(), header,
                r.density() == null ? null : r.density().reading().map());
    }

    /** The zone's counts as a crowd rule with the default score would see them on this frame. */
    private ZoneCount count(SceneAnalyzer.Result r, ImageZone z, Mat m) {
        int detector = (int) r.tracks().stream().filter(t -> t.label().equals("person") && (t.confirmed() || !confirmedOnly)
                && t.score() >= PERSON_SCORE && z.contains(t.box(), m.cols(), m.rows())).count();
        DensityView d = r.density();
        return d == null ? new ZoneCount.DetectorOnly(detector) : d.count(z, detector);
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
            var state = Objects.requireNonNull(r.zoneStates().get(z.id())); // the analyzer reports every one of its zones
            counts.put("tracked", state.tracks());
            counts.put("maxDwellSeconds", Math.round(state.maxDwellSeconds() * 10) / 10.0);
            ZoneCount c = count(r, z, m);
            counts.put("detector", c.detector());
            if (c instanceof ZoneCount.Hybrid h) {
                counts.put("density", Math.round(h.densityRaw() * 10) / 10.0);
                counts.put("densityAfterNoiseFloor", Math.round(h.density() * 10) / 10.0);
                counts.put("dense", h.dense());
            } else {
                counts.putNull("density");
            }
            counts.put("hybrid", c.people());
            if (z.areaM2() != null) {
                counts.put("perM2", Math.round(c.people() / z.areaM2() * 1000) / 1000.0);
            }
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
