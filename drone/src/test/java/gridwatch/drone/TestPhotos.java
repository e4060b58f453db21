package gridwatch.drone;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's drone test photos in ../shared/testdata/drone (surefire sets gridwatch.shared); README there describes each. */
public final class TestPhotos {

    private TestPhotos() {
    }

    public static Path photo(String name) {
        Path p = Path.of(System.getProperty("gridwatch.shared", "../../shared")).resolve("testdata/drone").resolve(name)
                .toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared test photo missing: " + p + " (clone the project beside the team's shared/ folder)");
        }
        return p;
    }

    /** brighton_DJI_00NN_w1000.jpg: downscaled to 1000x563, XMP in element form (exiftool). */
    public static Path brighton(int n) {
        return photo(String.format("brighton_DJI_%04d_w1000.jpg", n));
    }

    /** The untouched 4000x2250 original, attribute-form XMP, NUL-padded Make/Model; re-saved by Windows Photo Viewer (pixels turned 180°). */
    public static Path original24() {
        return photo("brighton_DJI_0024.JPG");
    }

    /** GPS latitude/longitude only (no GPSAltitude, no drone-dji XMP), and blurred. */
    public static Path agung() {
        return photo("agung_DJI_20251001132715_0396_D_POOR_SHARPNESS.JPG");
    }

    /** A 48x36 Canon thumbnail: GPS with altitude, no DJI XMP (its XMP packet is malformed), edited with GIMP. */
    public static Path canon() {
        return photo("webodm_tiny_drone_image.jpg");
    }
}
