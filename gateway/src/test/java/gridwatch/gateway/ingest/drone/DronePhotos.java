package gridwatch.gateway.ingest.drone;

import gridwatch.gateway.support.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The real drone photos in ../shared/testdata/drone, and broken variants made from them. */
final class DronePhotos {

    /** The Brighton Beach flight's downscaled photos (1000 × 563, DJI EXIF/XMP): one patrol. */
    static final List<String> BRIGHTON = List.of("brighton_DJI_0018_w1000.jpg", "brighton_DJI_0020_w1000.jpg", "brighton_DJI_0022_w1000.jpg",
            "brighton_DJI_0026_w1000.jpg", "brighton_DJI_0030_w1000.jpg", "brighton_DJI_0032_w1000.jpg");

    private DronePhotos() {
    }

    static Path path(String name) {
        return SharedData.path("testdata/drone/" + name);
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    /** A real PNG (not a drone photo, but what a tool might send by mistake). */
    static byte[] png() throws IOException {
        return Files.readAllBytes(SharedData.path("testdata/images/basketball1.png"));
    }

    /** The first {@code keep} bytes: a file cut off, or one still being copied. */
    static byte[] cut(byte[] jpeg, int keep) {
        return Arrays.copyOf(jpeg, keep);
    }

    /** The same JPEG with its frame header (SOF0/SOF2) patched to claim {@code width} × {@code height}. */
    static byte[] claiming(byte[] jpeg, int width, int height) {
        byte[] b = jpeg.clone();
        int i = 2;
        while (i + 4 < b.length) {
            int marker = b[i + 1] & 0xFF;
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (marker == 0xC0 || marker == 0xC2) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no SOF0/SOF2 frame header before the image data");
    }
}
