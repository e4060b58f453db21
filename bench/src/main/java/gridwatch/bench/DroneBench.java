package gridwatch.bench;

import gridwatch.drone.camera.CameraTable;
import gridwatch.drone.georef.UncertaintyModel;
import gridwatch.drone.patrol.PatrolYawCheck;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.photo.DroneSettings;
import gridwatch.drone.photo.PhotoAnalyzer;
import gridwatch.drone.quality.QualityLimits;
import gridwatch.geo.earth.LatLon;
import gridwatch.geo.earth.Wgs84;
import gridwatch.geo.grid.GridCell;
import gridwatch.geo.grid.GridIndex;
import gridwatch.profiles.ProfileLoader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Drone pipeline costs on one thread, each beside a baseline from the same run:
 * (1) grid lookups/s over 50,176 synthetic 41-vertex cells (224 × 224, 40 m, Shanghai) with
 * {@link GridIndex} (STRtree + one cached IndexedPointInAreaLocator per cell), against a plain
 * STRtree with {@code Geometry.contains} per candidate and against a brute-force scan; and the
 * uncertainty-circle lookup ({@link GridIndex#locate} with 7 m); (2) metadata + georeference per
 * photo (no image decoding), then with the black-frame and blur gates (decoding), on the 4000-px
 * original and a 1000-px copy; (3) the patrol yaw check of the shared patrol.
 *
 * <p>Usage: DroneBench SHARED_DRONE_DIR [rounds]
 */
public final class DroneBench {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public static void main(String[] args) throws Exception {
        Path photos = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        grid(rounds);
        photos(photos, rounds);
    }

    private static void grid(int rounds) {
        LatLon origin = new LatLon(31.17, 121.43);
        int side = 224;
        double size = 40;
        long t0 = System.nanoTime();
        List<GridCell> cells = cells(origin, side, size);
        long t1 = System.nanoTime();
        GridIndex index = new GridIndex(cells);
        STRtree plain = new STRtree();
        cells.forEach(c -> plain.insert(c.area().getEnvelopeInternal(), c));
        plain.build();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "grid: %d cells of %d vertices, made in %.0f ms, indexed in %.0f ms%n", cells.size(),
                cells.getFirst().area().getNumPoints(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        Random random = new Random(7);
        LatLon[] points = new LatLon[200_000];
        for (int i = 0; i < points.length; i++) {
            points[i] = Wgs84.offset(origin, random.nextDouble() * side * size, random.nextDouble() * side * size);
        }
        lookups("warm-up", index, plain, cells, points, 2.0);
        for (int r = 1; r <= rounds; r++) {
            lookups("round " + r, index, plain, cells, points, 4.0);
        }
    }

    /** The four lookups in turn, in 5 slices each, so a neighbour's load on this shared machine falls on all of them alike. */
    private static void lookups(String label, GridIndex index, STRtree plain, List<GridCell> cells, LatLon[] points, double seconds) {
        Lookup ours = p -> index.cellAt(p).isPresent() ? 1 : 0;
        Lookup circle = p -> index.locate(p, 7).neighbours().size();
        Lookup tree = p -> {
            Point pt = GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
            for (Object o : plain.query(pt.getEnvelopeInternal())) {
                if (((GridCell) o).area().contains(pt)) {
                    return 1;
                }
            }
            return 0;
        };
        Lookup brute = p -> {
            Point pt = GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
            for (GridCell c : cells) {
                if (c.area().getEnvelopeInternal().contains(pt.getCoordinate()) && c.area().contains(pt)) {
                    return 1;
                }
            }
            return 0;
        };
        Lookup[] all = {ours, circle, tree, brute};
        double[] n = new double[4];
        double[] t = new double[4];
        for (int slice = 0; slice < 5; slice++) {
            for (int k = 0; k < 4; k++) {
                double[] nt = count(seconds / 5, points, all[k]);
                n[k] += nt[0];
                t[k] += nt[1];
            }
        }
        double[] rate = {n[0] / t[0], n[1] / t[1], n[2] / t[2], n[3] / t[3]};
        if (!label.equals("warm-up")) {
            System.out.printf(Locale.ROOT, "grid lookups %s: GridIndex %.0f/s (%.2f µs), plain STRtree + contains %.0f/s (GridIndex x%.2f), "
                            + "brute force %.0f/s (x%.0f); with a 7 m uncertainty circle %.0f/s (%.2f µs)%n", label, rate[0], 1e6 / rate[0], rate[2],
                    rate[0] / rate[2], rate[3], rate[0] / rate[3], rate[1], 1e6 / rate[1]);
        }
    }

    private interface Lookup {
        int apply(LatLon p);
    }

    /** {lookups, seconds} of running {@code lookup} over the points for about {@code seconds}. */
    private static double[] count(double seconds, LatLon[] points, Lookup lookup) {
        long n = 0;
        long found = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                found += lookup.apply(points[(int) (n++ % points.length)]);
            }
        }
        if (found < 0) {
            System.out.println(found); // keeps the JIT from dropping the lookups
        }
        return new double[] {n, (System.nanoTime() - t0) / 1e9};
    }

    /** Square cells with 10 points per edge (41 with the closing one), as traced grids have more than 4. */
    private static List<GridCell> cells(LatLon origin, int side, double size) {
        List<GridCell> cells = new ArrayList<>(side * side);
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                Coordinate[] ring = new Coordinate[41];
                double[][] corners = {{c * size, r * size}, {(c + 1) * size, r * size}, {(c + 1) * size, (r + 1) * size}, {c * size, (r + 1) * size}};
                for (int k = 0; k < 4; k++) {
                    for (int s = 0; s < 10; s++) {
                        double t = s / 10.0;
                        double[] a = corners[k];
                        double[] b = corners[(k + 1) % 4];
                        LatLon p = Wgs84.offset(origin, a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
                        ring[k * 10 + s] = new Coordinate(p.lon(), p.lat());
                    }
                }
                ring[40] = ring[0];
                Geometry area = GEOMETRY.createPolygon(ring);
                cells.add(new GridCell(String.format(Locale.ROOT, "310104013%03d%03d", r, c), "cell", area));
            }
        }
        return cells;
    }

    private static void photos(Path dir, int rounds) throws Exception {
        CameraTable table = CameraTable.from(new ProfileLoader().load(List.of()), CameraTable.PROFILE);
        PhotoAnalyzer metadataOnly = new PhotoAnalyzer(new DroneSettings(ZoneId.of("America/Chicago"), null, table, QualityLimits.DEFAULT,
                UncertaintyModel.DEFAULT, false));
        PhotoAnalyzer withFrames = new PhotoAnalyzer(new DroneSettings(ZoneId.of("America/Chicago"), null, table, QualityLimits.DEFAULT,
                UncertaintyModel.DEFAULT, true));
        Path original = dir.resolve("brighton_DJI_0024.JPG");
        Path copy = dir.resolve("brighton_DJI_0030_w1000.jpg");
        for (int r = 0; r <= rounds; r++) {
            double metaOriginal = perPhotoMs(metadataOnly, original, 2.0);
            double metaCopy = perPhotoMs(metadataOnly, copy, 2.0);
            double framesOriginal = perPhotoMs(withFrames, original, 3.0);
            double framesCopy = perPhotoMs(withFrames, copy, 2.0);
            if (r > 0) {
                System.out.printf(Locale.ROOT, "photo round %d: metadata + georeference %.2f ms (4000x2250 original), %.2f ms (1000x563 copy); "
                        + "with the frame gates (decode) %.1f ms, %.1f ms%n", r, metaOriginal, metaCopy, framesOriginal, framesCopy);
            }
        }
        List<AnalyzedPhoto> patrol = new ArrayList<>();
        for (String name : List.of("brighton_DJI_0018_w1000.jpg", "brighton_DJI_0020_w1000.jpg", "brighton_DJI_0022_w1000.jpg",
                "brighton_DJI_0024.JPG", "brighton_DJI_0026_w1000.jpg", "brighton_DJI_0030_w1000.jpg", "brighton_DJI_0032_w1000.jpg")) {
            patrol.add(metadataOnly.analyze(dir.resolve(name)));
        }
        for (int r = 0; r <= rounds; r++) {
            long t0 = System.nanoTime();
            List<AnalyzedPhoto> judged = PatrolYawCheck.DEFAULT.judge(patrol);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r > 0) {
                long turned = judged.stream().filter(p -> p.pose().orElseThrow().yawTrust().name().equals("TURNED_180")).count();
                System.out.printf(Locale.ROOT, "patrol yaw check round %d: 7 photos, 2 re-saved, %d found turned, %d ms%n", r, turned, ms);
            }
        }
    }

    private static double perPhotoMs(PhotoAnalyzer analyzer, Path photo, double seconds) throws Exception {
        long n = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (analyzer.analyze(photo).locate(0, 0).isEmpty()) {
                throw new IllegalStateException(photo + " not located");
            }
            n++;
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }
}
