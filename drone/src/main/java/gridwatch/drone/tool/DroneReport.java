package gridwatch.drone.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gridwatch.drone.camera.Intrinsics;
import gridwatch.drone.georef.CameraPose;
import gridwatch.drone.georef.Footprint;
import gridwatch.drone.georef.GroundPoint;
import gridwatch.drone.georef.GroundProjector;
import gridwatch.drone.metadata.CaptureTime;
import gridwatch.drone.metadata.PhotoMetadata;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.quality.FrameStats;
import gridwatch.drone.quality.PhotoWarning;
import gridwatch.geo.earth.LatLon;
import gridwatch.geo.grid.CellMatch;
import gridwatch.geo.grid.GridCell;
import gridwatch.geo.grid.GridIndex;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * The {@code gridwatch drone} tool's JSON line for one photo: camera and pose used, GSD, footprint as
 * a GeoJSON polygon, warnings (code, English, Chinese, whether it blocks a location), and each asked
 * pixel on the ground with its uncertainty and grid cell. Field by field in docs/drone.md. Stateless.
 */
public final class DroneReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DroneReport() {
    }

    public static ObjectNode of(AnalyzedPhoto p, List<Pixel> pixels, @Nullable GridIndex grid) {
        ObjectNode o = JSON.createObjectNode();
        PhotoMetadata m = p.metadata();
        o.put("file", m.file().toString());
        ObjectNode camera = o.putObject("camera");
        camera.put("make", m.make());
        camera.put("model", m.model());
        camera.put("width", m.size().width());
        camera.put("height", m.size().height());
        camera.put("focalLengthMm", m.focalLengthMm());
        Intrinsics in = p.intrinsics();
        camera.put("focalPx", in == null ? null : round(in.focalPx(), 1));
        camera.put("focalSource", in == null ? null : in.source().name());
        CaptureTime t = m.captured();
        o.put("capturedAt", t == null ? null : t.utc().toString());
        o.put("captureTimeSource", t == null ? null : t.source().name());
        GroundProjector located = p.projector();
        if (located != null) {
            CameraPose c = located.pose();
            ObjectNode po = o.putObject("pose");
            po.put("lat", round(c.position().lat(), 7));
            po.put("lon", round(c.position().lon(), 7));
            po.put("heightM", round(c.heightM(), 2));
            po.put("heightSource", c.heightSource().name());
            po.put("yawDeg", round(c.yawDeg(), 2));
            po.put("yawSource", c.yawSource().name());
            po.put("yawTrust", c.yawTrust().name());
            po.put("pitchDeg", round(c.pitchDeg(), 2));
            po.put("rollDeg", round(c.rollDeg(), 2));
            o.put("gsdCm", round(located.gsdCm(), 2));
            Footprint f = located.footprint();
            o.set("footprint", polygon(f.ring()));
            o.put("footprintCut", f.cut());
        } else {
            o.putNull("pose");
            o.putNull("gsdCm");
            o.putNull("footprint");
        }
        FrameStats frame = p.frame();
        if (frame != null) {
            ObjectNode fr = o.putObject("frame");
            fr.put("meanGrey", round(frame.meanGrey(), 1));
            fr.put("laplacianVariance", round(frame.laplacianVariance(), 0));
        }
        ArrayNode warnings = o.putArray("warnings");
        for (PhotoWarning w : p.warnings()) {
            ObjectNode wo = warnings.addObject();
            wo.put("code", w.code());
            wo.put("blocksLocation", w.blocksLocation());
            wo.put("en", w.en());
            wo.put("zh", w.zh());
        }
        ArrayNode px = o.putArray("pixels");
        for (Pixel pixel : pixels) {
            px.add(pixel(p, pixel, grid));
        }
        return o;
    }

    private static ObjectNode pixel(AnalyzedPhoto p, Pixel pixel, @Nullable GridIndex grid) {
        ObjectNode o = JSON.createObjectNode();
        o.put("x", pixel.x());
        o.put("y", pixel.y());
        int w = p.metadata().size().width();
        int h = p.metadata().size().height();
        Optional<GroundPoint> g = Optional.empty();
        if (pixel.x() < 0 || pixel.y() < 0 || pixel.x() > w || pixel.y() > h) {
            o.put("error", "outside the " + w + "x" + h + " image");
        } else if (!p.located()) {
            o.put("error", "the photo gives no location (see warnings)");
        } else {
            g = p.locate(pixel.x(), pixel.y());
            if (g.isEmpty()) {
                o.put("error", "above the horizon: the ray never meets the ground");
            }
        }
        o.put("lat", g.map(x -> round(x.position().lat(), 7)).orElse(null));
        o.put("lon", g.map(x -> round(x.position().lon(), 7)).orElse(null));
        o.put("uncertaintyM", g.map(x -> round(x.uncertaintyM(), 1)).orElse(null));
        if (grid == null || g.isEmpty()) {
            o.putNull("gridCell");
        } else {
            CellMatch c = grid.locate(g.get().position(), g.get().uncertaintyM());
            ObjectNode cell = o.putObject("gridCell");
            cell.put("code", c.cell() == null ? null : c.cell().code());
            cell.put("name", c.cell() == null ? null : c.cell().name());
            cell.put("nearBoundary", c.nearBoundary());
            ArrayNode near = cell.putArray("neighbours");
            for (GridCell n : c.neighbours()) {
                near.addObject().put("code", n.code()).put("name", n.name());
            }
        }
        return o;
    }

    /** A GeoJSON Polygon, [longitude, latitude] positions (RFC 7946). */
    static ObjectNode polygon(List<LatLon> ring) {
        ObjectNode g = JSON.createObjectNode();
        g.put("type", "Polygon");
        ArrayNode r = g.putArray("coordinates").addArray();
        for (LatLon c : ring) {
            r.addArray().add(round(c.lon(), 7)).add(round(c.lat(), 7));
        }
        return g;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
