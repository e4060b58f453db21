package gridwatch.drone.tool;

import gridwatch.drone.georef.GroundPoint;
import gridwatch.drone.georef.GroundProjector;
import gridwatch.drone.patrol.Overlap;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.quality.PhotoWarning;
import gridwatch.geo.earth.LatLon;
import gridwatch.geo.earth.Wgs84;
import gridwatch.geo.grid.GridCell;
import gridwatch.geo.grid.GridIndex;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.densify.Densifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.arrowedLine;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The annotated copy an operator looks at: the photo (at most 1600 px wide), the grid cells' lines
 * projected into it with their codes, each asked pixel marked with its position, uncertainty and
 * cell, an arrow to true north, and a band above the picture with the GSD and the warnings' codes. Text is ASCII
 * (OpenCV's Hershey fonts): cell names are in the JSON line. Every native image is made and freed
 * inside one call (a JavaCPP {@link PointerScope}); one instance serves any thread.
 */
public final class PhotoAnnotator {

    private static final int MAX_WIDTH = 1600;
    private static final double GRID_STEP_M = 2;

    /** Writes the annotated copy of {@code p} to {@code out}. */
    public void write(AnalyzedPhoto p, List<Pixel> pixels, @Nullable GridIndex grid, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(p.file());
        try (PointerScope scope = new PointerScope()) {
            Mat full = imdecode(new Mat(1, bytes.length, CV_8UC1, new BytePointer(bytes)), IMREAD_COLOR);
            if (full.empty()) {
                throw new IOException(p.file() + ": cannot be decoded");
            }
            double s = Math.min(1.0, (double) MAX_WIDTH / full.cols());
            Mat img = full;
            if (s < 1) {
                img = new Mat();
                resize(full, img, new Size((int) Math.round(full.cols() * s), (int) Math.round(full.rows() * s)), 0, 0, INTER_AREA);
            }
            double scale = (double) img.cols() / p.metadata().size().width();
            GroundProjector g = p.projector();
            if (g != null && grid != null) {
                drawGrid(img, g, grid, scale);
            }
            if (g != null) {
                drawNorth(img, g, scale);
            }
            for (Pixel px : pixels) {
                drawPixel(img, p, px, grid, scale);
            }
            Mat canvas = withBand(img, p);
            BytePointer jpg = new BytePointer();
            imencode(".jpg", canvas, jpg, new IntPointer(IMWRITE_JPEG_QUALITY, 88));
            byte[] encoded = new byte[(int) jpg.limit()];
            jpg.get(encoded);
            Files.write(out, encoded);
        }
    }

    private static void drawGrid(Mat img, GroundProjector g, GridIndex grid, double scale) {
        Geometry footprint = Overlap.polygon(g.footprint());
        for (GridCell cell : grid.cells()) {
            if (!cell.area().getEnvelopeInternal().intersects(footprint.getEnvelopeInternal()) || !cell.area().intersects(footprint)) {
                continue;
            }
            double stepDeg = GRID_STEP_M / Math.toRadians(Wgs84.meridionalRadius(g.pose().position().lat()));
            Geometry dense = Densifier.densify(cell.area().getBoundary(), stepDeg);
            for (int i = 0; i < dense.getNumGeometries(); i++) {
                Coordinate[] cs = dense.getGeometryN(i).getCoordinates();
                for (int k = 1; k < cs.length; k++) {
                    Optional<double[]> a = g.toImage(new LatLon(cs[k - 1].y, cs[k - 1].x));
                    Optional<double[]> b = g.toImage(new LatLon(cs[k].y, cs[k].x));
                    if (a.isPresent() && b.isPresent()) {
                        line(img, point(a.get(), scale), point(b.get(), scale), new Scalar(0, 215, 255, 0), 2, LINE_AA, 0);
                    }
                }
            }
            Coordinate c = cell.area().intersection(footprint).getInteriorPoint().getCoordinate();
            g.toImage(new LatLon(c.y, c.x)).ifPresent(at -> label(img, cell.code(), point(at, scale), new Scalar(0, 215, 255, 0)));
        }
    }

    private static void drawNorth(Mat img, GroundProjector g, double scale) {
        Optional<LatLon> seen = g.toGround(g.camera().cx(), g.camera().cy()).map(GroundPoint::position);
        if (seen.isEmpty()) {
            return;
        }
        LatLon centre = seen.get();
        double[] a = g.toImage(centre).orElseThrow();
        Optional<double[]> b = g.toImage(Wgs84.offset(centre, 0, 5));
        if (b.isEmpty()) {
            return;
        }
        double dx = b.get()[0] - a[0];
        double dy = b.get()[1] - a[1];
        double len = Math.hypot(dx, dy);
        Point base = new Point(60, img.rows() - 60);
        Point tip = new Point((int) Math.round(60 + 45 * dx / len), (int) Math.round(img.rows() - 60 + 45 * dy / len));
        arrowedLine(img, base, tip, new Scalar(255, 255, 255, 0), 3, LINE_AA, 0, 0.3);
        label(img, "N", new Point(tip.x() - 6, tip.y() - 8), new Scalar(255, 255, 255, 0));
    }

    private static void drawPixel(Mat img, AnalyzedPhoto p, Pixel px, @Nullable GridIndex grid, double scale) {
        Point at = point(new double[] {px.x(), px.y()}, scale);
        Scalar red = new Scalar(40, 40, 230, 0);
        circle(img, at, 9, red, 2, LINE_AA, 0);
        line(img, new Point(at.x() - 14, at.y()), new Point(at.x() + 14, at.y()), red, 1, LINE_AA, 0);
        line(img, new Point(at.x(), at.y() - 14), new Point(at.x(), at.y() + 14), red, 1, LINE_AA, 0);
        String text = p.locate(px.x(), px.y()).map(gp -> String.format(Locale.ROOT, "%.6f,%.6f +-%.0fm%s", gp.position().lat(),
                gp.position().lon(), gp.uncertaintyM(), grid == null ? "" : " " + grid.cellAt(gp.position()).map(GridCell::code).orElse("no cell")))
                .orElse("no location");
        label(img, text, new Point(at.x() + 12, at.y() - 12), red);
    }

    /** The picture with a black band above it (not over it: the top rows are ground too) holding the GSD and the warnings' codes. */
    private static Mat withBand(Mat img, AnalyzedPhoto p) {
        GroundProjector g = p.projector();
        String gsd = g == null ? "not located" : String.format(Locale.ROOT, "GSD %.2f cm/px", g.gsdCm());
        String warnings = p.warnings().isEmpty() ? "no warnings" : p.warnings().stream().map(PhotoWarning::code).collect(Collectors.joining(" "));
        List<String> lines = new ArrayList<>(List.of(p.name() + "  " + gsd, warnings));
        int band = 26 * lines.size() + 8;
        Mat canvas = new Mat();
        copyMakeBorder(img, canvas, band, 0, 0, 0, BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
        for (int i = 0; i < lines.size(); i++) {
            putText(canvas, lines.get(i), new Point(8, 24 + 26 * i), FONT_HERSHEY_SIMPLEX, 0.65, new Scalar(255, 255, 255, 0), 1, LINE_AA, false);
        }
        return canvas;
    }

    private static void label(Mat img, String text, Point at, Scalar colour) {
        putText(img, text, at, FONT_HERSHEY_SIMPLEX, 0.55, new Scalar(0, 0, 0, 0), 4, LINE_AA, false);
        putText(img, text, at, FONT_HERSHEY_SIMPLEX, 0.55, colour, 1, LINE_AA, false);
    }

    private static Point point(double[] uv, double scale) {
        return new Point((int) Math.round(uv[0] * scale), (int) Math.round(uv[1] * scale));
    }
}
