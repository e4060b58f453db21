package gridwatch.detectors.vision.snapshot;

import gridwatch.detectors.vision.density.DensityMap;
import gridwatch.detectors.vision.track.Track;
import gridwatch.detectors.vision.zone.CountingLine;
import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.jspecify.annotations.Nullable;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * The picture an operator sees with an alert: the frame (scaled to at most {@code maxWidth}),
 * the zone outline, every tracked object's box with its class, id and score, and a header with
 * the time and the rule's count or score; for rules that count by density, the density map as a heat
 * overlay under the drawing. Encoded as JPEG.
 *
 * <p>Holds no native memory between calls: everything {@link #jpeg} allocates (the canvas, points,
 * colours, the encoded buffer) is attached to a JavaCPP {@link PointerScope} and freed before it
 * returns; the frame stays the caller's. So it needs no closing, and one instance may serve one
 * thread at a time.
 */
public final class Annotator {

    /** A BGR colour; its native {@link Scalar} is made inside the call's scope. */
    private record Colour(double b, double g, double r) {
        Scalar scalar() {
            return new Scalar(b, g, r, 0);
        }
    }

    private static final Colour ZONE = new Colour(0, 215, 255);      // amber
    private static final Colour PERSON = new Colour(80, 200, 40);    // green
    private static final Colour VEHICLE = new Colour(255, 140, 0);   // blue
    private static final Colour OTHER = new Colour(200, 200, 200);
    private static final Colour LINE = new Colour(40, 40, 230);      // red
    private static final Colour INK = new Colour(255, 255, 255);
    private static final Colour BAND = new Colour(0, 0, 0);
    private static final Colour REGION = new Colour(255, 0, 255);    // magenta

    /**
     * Full heat: a cell as dense as a picture holding this many people if all of it were like that cell.
     * A fixed scale, not the map's own peak, so a few people or an empty scene's phantoms stay cool
     * instead of being stretched to red, and maps of any input size read alike. Measured with MCNN: the
     * 209-person concert photo of UCF_CC_50 averages 255 per picture, its densest parts 2–3 times that.
     */
    private static final double HEAT_FULL_PER_PICTURE = 600;
    /** Opacity of the overlay where the heat is full; it fades (as the square root of the heat) to nothing on empty ground. */
    private static final double HEAT_ALPHA = 0.6;

    private final int maxWidth;
    private final int quality;

    public Annotator(int maxWidth, int quality) {
        this.maxWidth = maxWidth;
        this.quality = quality;
    }

    public byte[] jpeg(Mat frame, List<ImageZone> zones, List<CountingLine> lines, List<Track> tracks, List<String> header) {
        return jpeg(frame, zones, lines, tracks, List.of(), header);
    }

    @SuppressWarnings("try") // the scope is never referenced: it frees what the body allocates
    public byte[] jpeg(Mat frame, List<ImageZone> zones, List<CountingLine> lines, List<Track> tracks, List<Region> regions,
                       List<String> header) {
        return jpeg(frame, zones, lines, tracks, regions, header, null);
    }

    /** @param heat a density map of this frame to overlay, or null */
    @SuppressWarnings("try")
    public byte[] jpeg(Mat frame, List<ImageZone> zones, List<CountingLine> lines, List<Track> tracks, List<Region> regions,
                       List<String> header, @Nullable DensityMap heat) {
        try (PointerScope scope = new PointerScope(); Mat canvas = new Mat()) {
            double s = scaleOnto(frame, canvas);
            return drawAndEncode(canvas, s, zones, lines, tracks, regions, header, heat, quality);
        }
    }

    /**
     * The frame scaled as a snapshot would be, copied to the Java heap with what to draw on it: cheap (a resize and
     * a copy), and rendered only if it is wanted ({@link Sketch#jpeg()}). The frame stays the caller's.
     */
    public Sketch sketch(Mat frame, List<ImageZone> zones, List<CountingLine> lines, List<Track> tracks, List<Region> regions,
                         List<String> header) {
        return sketch(frame, zones, lines, tracks, regions, header, null);
    }

    /** @param heat a density map of this frame to overlay (kept by reference: it is immutable), or null */
    @SuppressWarnings("try")
    public Sketch sketch(Mat frame, List<ImageZone> zones, List<CountingLine> lines, List<Track> tracks, List<Region> regions,
                         List<String> header, @Nullable DensityMap heat) {
        try (PointerScope scope = new PointerScope(); Mat canvas = new Mat()) {
            double s = scaleOnto(frame, canvas);
            byte[] pixels = new byte[(int) (canvas.total() * canvas.elemSize())];
            canvas.data().get(pixels); // a freshly made Mat is one continuous block
            return new Sketch(pixels, canvas.cols(), canvas.rows(), canvas.type(), s, zones, lines, tracks, regions, header, heat, quality);
        }
    }

    /** Renders a sketch: its pixels go into a Mat of this call's own, freed before it returns. Any thread. */
    @SuppressWarnings("try")
    static byte[] jpeg(Sketch k) {
        try (PointerScope scope = new PointerScope(); Mat canvas = new Mat(k.height(), k.width(), k.type())) {
            canvas.data().put(k.pixels());
            return drawAndEncode(canvas, k.scale(), k.zones(), k.lines(), k.tracks(), k.regions(), k.header(), k.heat(), k.quality());
        }
    }

    /** Scales (or copies) the frame onto a BGR canvas at most {@code maxWidth} wide; returns the scale. */
    private double scaleOnto(Mat frame, Mat canvas) {
        double s = frame.cols() > maxWidth ? (double) maxWidth / frame.cols() : 1.0;
        if (s < 1.0) {
            opencv_imgproc.resize(frame, canvas, new Size((int) (frame.cols() * s), (int) (frame.rows() * s)), 0, 0, opencv_imgproc.INTER_AREA);
        } else if (frame.channels() == 1) {
            opencv_imgproc.cvtColor(frame, canvas, opencv_imgproc.COLOR_GRAY2BGR);
        } else {
            frame.copyTo(canvas);
        }
        return s;
    }

    /** Draws on the canvas and encodes it; the caller's pointer scope frees what this allocates. */
    private static byte[] drawAndEncode(Mat canvas, double s, List<ImageZone> zones, List<CountingLine> lines, List<Track> tracks,
                                        List<Region> regions, List<String> header, @Nullable DensityMap heat, int quality) {
        int w = canvas.cols();
        int h = canvas.rows();
        if (heat != null) {
            overlay(canvas, heat);
        }
        for (ImageZone z : zones) {
            outline(canvas, z.polygon(), ZONE.scalar(), 2);
            for (NormalizedPolygon e : z.exclude()) {
                outline(canvas, e, OTHER.scalar(), 1);
            }
        }
        for (CountingLine l : lines) {
            opencv_imgproc.line(canvas, new Point((int) (l.ax() * w), (int) (l.ay() * h)), new Point((int) (l.bx() * w), (int) (l.by() * h)), LINE.scalar(), 3, opencv_imgproc.LINE_AA, 0);
        }
        for (Track t : tracks) {
            Scalar c = (t.label().equals("person") ? PERSON : isVehicle(t.label()) ? VEHICLE : OTHER).scalar();
            Point a = new Point((int) (t.box().x1() * s), (int) (t.box().y1() * s));
            Point b = new Point((int) (t.box().x2() * s), (int) (t.box().y2() * s));
            opencv_imgproc.rectangle(canvas, a, b, c, 2, opencv_imgproc.LINE_8, 0);
            opencv_imgproc.putText(canvas, String.format(Locale.ROOT, "%s #%d %.2f", t.label(), t.id(), t.score()),
                    new Point(a.x(), Math.max(12, a.y() - 4)), opencv_imgproc.FONT_HERSHEY_SIMPLEX, 0.4, c, 1, opencv_imgproc.LINE_AA, false);
        }
        for (Region r : regions) {
            Point a = new Point((int) (r.box().x1() * s), (int) (r.box().y1() * s));
            Point b = new Point((int) (r.box().x2() * s), (int) (r.box().y2() * s));
            opencv_imgproc.rectangle(canvas, a, b, REGION.scalar(), 3, opencv_imgproc.LINE_8, 0);
            opencv_imgproc.putText(canvas, r.label(), new Point(a.x(), Math.max(12, a.y() - 6)), opencv_imgproc.FONT_HERSHEY_SIMPLEX, 0.5,
                    REGION.scalar(), 1, opencv_imgproc.LINE_AA, false);
        }
        int band = 8 + 18 * header.size();
        opencv_imgproc.rectangle(canvas, new Point(0, 0), new Point(w, band), BAND.scalar(), opencv_imgproc.FILLED, opencv_imgproc.LINE_8, 0);
        for (int i = 0; i < header.size(); i++) {
            opencv_imgproc.putText(canvas, header.get(i), new Point(6, 18 + 18 * i), opencv_imgproc.FONT_HERSHEY_SIMPLEX, 0.5, INK.scalar(), 1, opencv_imgproc.LINE_AA, false);
        }
        try (BytePointer out = new BytePointer(); IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality)) {
            opencv_imgcodecs.imencode(".jpg", canvas, out, params);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /**
     * Blends the density map onto the canvas in the JET colours (blue → red), each pixel as opaque as its
     * heat, so empty ground keeps its picture. Allocates in the caller's pointer scope.
     */
    private static void overlay(Mat canvas, DensityMap heat) {
        if (canvas.channels() == 1) {
            opencv_imgproc.cvtColor(canvas, canvas, opencv_imgproc.COLOR_GRAY2BGR);
        }
        Mat cells = new Mat(heat.height(), heat.width(), CV_32F);
        ((FloatBuffer) cells.createBuffer()).put(heat.cells());
        double full = HEAT_FULL_PER_PICTURE / ((double) heat.width() * heat.height());
        Mat level = new Mat();
        cells.convertTo(level, CV_8U, 255.0 / full, 0); // saturates at full heat
        Mat big = new Mat();
        opencv_imgproc.resize(level, big, new Size(canvas.cols(), canvas.rows()), 0, 0, opencv_imgproc.INTER_LINEAR);
        Mat colour = new Mat();
        opencv_imgproc.applyColorMap(big, colour, opencv_imgproc.COLORMAP_JET);
        Mat alpha = new Mat();
        big.convertTo(alpha, CV_32F, 1 / 255.0, 0);
        opencv_core.sqrt(alpha, alpha);
        alpha.convertTo(alpha, CV_32F, HEAT_ALPHA, 0);
        Mat alpha3 = new Mat();
        opencv_imgproc.cvtColor(alpha, alpha3, opencv_imgproc.COLOR_GRAY2BGR);
        Mat base = new Mat();
        canvas.convertTo(base, CV_32FC3);
        Mat tint = new Mat();
        colour.convertTo(tint, CV_32FC3);
        // base + (tint - base) * alpha
        opencv_core.subtract(tint, base, tint);
        opencv_core.multiply(tint, alpha3, tint);
        opencv_core.add(base, tint, base);
        base.convertTo(canvas, CV_8UC3);
    }

    private static boolean isVehicle(String label) {
        return switch (label) {
            case "car", "truck", "bus", "motorcycle" -> true;
            default -> false;
        };
    }

    private static void outline(Mat canvas, NormalizedPolygon p, Scalar colour, int thickness) {
        int n = p.points().size();
        try (Mat pts = new Mat(n, 1, CV_32SC2)) {
            var idx = pts.<org.bytedeco.javacpp.indexer.IntIndexer>createIndexer();
            for (int i = 0; i < n; i++) {
                idx.put(i, 0, 0, (int) (p.points().get(i)[0] * canvas.cols()));
                idx.put(i, 0, 1, (int) (p.points().get(i)[1] * canvas.rows()));
            }
            idx.close();
            try (MatVector v = new MatVector(pts)) {
                opencv_imgproc.polylines(canvas, v, true, colour, thickness, opencv_imgproc.LINE_AA, 0);
            }
        }
    }
}
