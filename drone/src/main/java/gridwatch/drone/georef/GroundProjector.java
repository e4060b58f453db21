package gridwatch.drone.georef;

import gridwatch.drone.camera.Intrinsics;
import gridwatch.geo.earth.LatLon;
import gridwatch.geo.earth.Wgs84;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a photo's pixels on the ground and ground points into the photo: a pinhole camera at the
 * pose, rays intersected with a level ground plane {@code heightM} below it (design note §3).
 *
 * <pre>
 *   ψ = yaw, θ = pitch, φ = roll; east-north-up axes at the camera's nadir point
 *   fwd = (sin ψ, cos ψ, 0)   right = (cos ψ, −sin ψ, 0)
 *   z_c = cos θ·fwd + sin θ·up            optical axis
 *   y_c = sin θ·fwd − cos θ·up            image down
 *   x_c = right;  roll turns x_c, y_c about z_c:  x = cos φ·x_c + sin φ·y_c,  y = −sin φ·x_c + cos φ·y_c
 *   d = x·(u − cx)/f + y·(v − cy)/f + z_c
 *   the ray hits the ground only if d_z &lt; 0, at P = (h / −d_z)·d
 * </pre>
 *
 * At θ = −90° this is the nadir pinhole exactly (r = (u−cx)h/f, a = −(v−cy)h/f, dE = a·sin ψ +
 * r·cos ψ, dN = a·cos ψ − r·sin ψ), so one formula serves nadir and oblique photos. East/north
 * metres become latitude/longitude with the WGS-84 radii at the camera ({@link Wgs84#offset}).
 * Immutable and thread-safe.
 */
public final class GroundProjector {

    /** A view reaching the horizon is cut this many heights away (horizontal distance). */
    public static final double MAX_RANGE_HEIGHTS = 10;
    private static final int SAMPLES_PER_EDGE = 16;

    private final CameraPose pose;
    private final Intrinsics camera;
    private final UncertaintyModel uncertainty;
    private final @Nullable Double gnssAccuracyM;
    private final double[] x;
    private final double[] y;
    private final double[] z;

    public GroundProjector(CameraPose pose, Intrinsics camera, UncertaintyModel uncertainty, @Nullable Double gnssAccuracyM) {
        this.pose = pose;
        this.camera = camera;
        this.uncertainty = uncertainty;
        this.gnssAccuracyM = gnssAccuracyM;
        double psi = Math.toRadians(pose.yawDeg());
        double theta = Math.toRadians(pose.pitchDeg());
        double phi = Math.toRadians(pose.rollDeg());
        double[] fwd = {Math.sin(psi), Math.cos(psi), 0};
        double[] right = {Math.cos(psi), -Math.sin(psi), 0};
        double[] up = {0, 0, 1};
        this.z = add(scale(fwd, Math.cos(theta)), scale(up, Math.sin(theta)));
        double[] yc = add(scale(fwd, Math.sin(theta)), scale(up, -Math.cos(theta)));
        this.x = add(scale(right, Math.cos(phi)), scale(yc, Math.sin(phi)));
        this.y = add(scale(right, -Math.sin(phi)), scale(yc, Math.cos(phi)));
    }

    /** The same camera and model at another pose (a yaw settled by neighbouring photos). */
    public GroundProjector withPose(CameraPose other) {
        return new GroundProjector(other, camera, uncertainty, gnssAccuracyM);
    }

    public CameraPose pose() {
        return pose;
    }

    public Intrinsics camera() {
        return camera;
    }

    /** The ground under pixel (u, v) (pixel centres at +0.5; (0, 0) is the top-left corner), or empty when its ray misses the ground. */
    public Optional<GroundPoint> toGround(double u, double v) {
        double[] d = ray(u, v);
        if (!(d[2] < 0)) {
            return Optional.empty();
        }
        double t = pose.heightM() / -d[2];
        double east = t * d[0];
        double north = t * d[1];
        double slant = t * norm(d);
        double r = uncertainty.radiusM(slant, Math.hypot(east, north), gnssAccuracyM, pose.yawTrust());
        return Optional.of(new GroundPoint(Wgs84.offset(pose.position(), east, north), r, slant));
    }

    /** Where a ground point appears in the photo, {u, v}; empty when it is behind the camera. The pixel may lie outside the image. */
    public Optional<double[]> toImage(LatLon ground) {
        Wgs84.EastNorth en = Wgs84.toLocal(pose.position(), ground);
        double[] w = {en.east(), en.north(), -pose.heightM()};
        double depth = dot(w, z);
        if (!(depth > 0)) {
            return Optional.empty();
        }
        return Optional.of(new double[] {camera.cx() + camera.focalPx() * dot(w, x) / depth, camera.cy() + camera.focalPx() * dot(w, y) / depth});
    }

    /** Ground sampling distance at the image centre, cm per pixel: slant range / f (h / f straight down). */
    public double gsdCm() {
        return pose.heightM() / -z[2] / camera.focalPx() * 100;
    }

    /** The ground the photo covers; its corners when they all hit the ground, else the border sampled and cut at the horizon. */
    public Footprint footprint() {
        double w = camera.size().width();
        double h = camera.size().height();
        double[][] corners = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        List<LatLon> ring = new ArrayList<>();
        boolean allHit = true;
        for (double[] c : corners) {
            Optional<GroundPoint> g = toGround(c[0], c[1]);
            if (g.isEmpty() || horizontal(c[0], c[1]) > MAX_RANGE_HEIGHTS * pose.heightM()) {
                allHit = false;
                break;
            }
            ring.add(g.get().position());
        }
        if (allHit) {
            ring.add(ring.getFirst());
            return new Footprint(ring, false);
        }
        ring.clear();
        for (int k = 0; k < 4; k++) {
            double[] a = corners[k];
            double[] b = corners[(k + 1) % 4];
            for (int s = 0; s < SAMPLES_PER_EDGE; s++) {
                double t = (double) s / SAMPLES_PER_EDGE;
                ring.add(cutAtRange(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t));
            }
        }
        ring.add(ring.getFirst());
        return new Footprint(ring, true);
    }

    /** Horizontal distance from the nadir point to where the pixel's ray meets the ground (infinite when it does not). */
    private double horizontal(double u, double v) {
        double[] d = ray(u, v);
        return d[2] < 0 ? pose.heightM() / -d[2] * Math.hypot(d[0], d[1]) : Double.POSITIVE_INFINITY;
    }

    private LatLon cutAtRange(double u, double v) {
        double[] d = ray(u, v);
        double max = MAX_RANGE_HEIGHTS * pose.heightM();
        double flat = Math.hypot(d[0], d[1]);
        double along = d[2] < 0 ? Math.min(pose.heightM() / -d[2] * flat, max) : max;
        if (flat == 0) {
            return pose.position();
        }
        return Wgs84.offset(pose.position(), d[0] / flat * along, d[1] / flat * along);
    }

    private double[] ray(double u, double v) {
        double a = (u - camera.cx()) / camera.focalPx();
        double b = (v - camera.cy()) / camera.focalPx();
        return new double[] {x[0] * a + y[0] * b + z[0], x[1] * a + y[1] * b + z[1], x[2] * a + y[2] * b + z[2]};
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    private static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
