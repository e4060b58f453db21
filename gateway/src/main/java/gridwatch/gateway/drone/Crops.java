package gridwatch.gateway.drone;

import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.vision.Box;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The evidence of a drone finding: the object's box with a margin, cut from the stored photo, at most
 * {@value #MAX_SIDE} px on its longer side, as a small JPEG inline ({@code drone-crop}); the photo itself is stored
 * once on the box and referenced by its SHA-256 and the region (Media Fragments {@code #xywh=}), never sent whole.
 * The JPEG quality steps down until the crop fits {@value #MAX_BYTES} bytes. Every native image is freed before a call
 * returns; stateless, any thread.
 */
final class Crops {

    static final int MAX_SIDE = 320;
    static final int MAX_BYTES = 48 * 1024;
    /** The region around a box: its size again on every side, at least this many stored pixels. */
    private static final int MIN_MARGIN = 24;

    private Crops() {
    }

    static Evidence of(Path photo, String sha256, Box box, int width, int height) throws IOException {
        int margin = (int) Math.max(MIN_MARGIN, Math.max(box.width(), box.height()) / 2);
        int x = Math.max(0, (int) Math.floor(box.x1()) - margin);
        int y = Math.max(0, (int) Math.floor(box.y1()) - margin);
        int w = Math.min(width, (int) Math.ceil(box.x2()) + margin) - x;
        int h = Math.min(height, (int) Math.ceil(box.y2()) + margin) - y;
        byte[] jpeg = encode(photo, x, y, Math.max(1, w), Math.max(1, h), width);
        return new Evidence("drone-crop", "image/jpeg", "sha256:" + sha256 + "#xywh=" + x + "," + y + "," + w + "," + h,
                Base64.getEncoder().encodeToString(jpeg));
    }

    private static byte[] encode(Path photo, int x, int y, int w, int h, int width) throws IOException {
        byte[] bytes = Files.readAllBytes(photo);
        try (BytePointer data = new BytePointer(bytes); Mat encoded = new Mat(1, bytes.length, CV_8UC1, data);
             Mat full = imdecode(encoded, IMREAD_COLOR)) {
            if (full.empty()) {
                throw new IOException(photo + ": cannot be decoded");
            }
            double s = (double) full.cols() / width;
            try (Rect area = new Rect((int) (x * s), (int) (y * s), Math.min(full.cols() - (int) (x * s), Math.max(1, (int) (w * s))),
                    Math.min(full.rows() - (int) (y * s), Math.max(1, (int) (h * s)))); Mat region = new Mat(full, area); Mat small = new Mat()) {
                double fit = Math.min(1.0, (double) MAX_SIDE / Math.max(region.cols(), region.rows()));
                Mat out = region;
                if (fit < 1) {
                    try (Size size = new Size(Math.max(1, (int) Math.round(region.cols() * fit)), Math.max(1, (int) Math.round(region.rows() * fit)))) {
                        resize(region, small, size, 0, 0, INTER_AREA);
                    }
                    out = small;
                }
                for (int quality = 85; ; quality -= 15) {
                    try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
                        imencode(".jpg", out, buf, params);
                        byte[] jpg = new byte[(int) buf.limit()];
                        buf.get(jpg);
                        if (jpg.length <= MAX_BYTES || quality <= 40) {
                            return jpg;
                        }
                    }
                }
            }
        }
    }
}
