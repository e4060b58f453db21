package gridwatch.gateway.drone;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * A STAGED second patrol made from a real photo (the shared set has no second flight over the same ground): real
 * pixels moved around in a real photo, which keeps its own EXIF and DJI XMP (the header segments are copied over the
 * re-encoded picture) with its dates moved a day on, so it reads as the same drone over the same ground a day later.
 */
final class StagedPhoto {

    private final Mat image;
    private final byte[] original;

    private StagedPhoto(Path photo) throws Exception {
        original = Files.readAllBytes(photo);
        image = decode(original);
    }

    static StagedPhoto of(Path photo) throws Exception {
        return new StagedPhoto(photo);
    }

    /** Copies the {@code x, y, w, h} region of another real photo (e.g. a car) to {@code (toX, toY)}. */
    StagedPhoto paste(Path from, int x, int y, int w, int h, int toX, int toY) throws Exception {
        try (Mat donor = decode(Files.readAllBytes(from)); Rect src = new Rect(x, y, w, h); Mat part = new Mat(donor, src);
             Rect dst = new Rect(toX, toY, w, h); Mat target = new Mat(image, dst)) {
            part.copyTo(target);
        }
        return this;
    }

    /** Covers {@code x, y, w, h} of this photo with its own region at {@code (fromX, fromY)} (e.g. bare gravel over a car). */
    StagedPhoto cover(int x, int y, int w, int h, int fromX, int fromY) {
        try (Rect src = new Rect(fromX, fromY, w, h); Mat part = new Mat(image, src).clone(); Rect dst = new Rect(x, y, w, h);
             Mat target = new Mat(image, dst)) {
            part.copyTo(target);
        }
        return this;
    }

    /** The staged JPEG: the original's header segments (EXIF, XMP; {@code from} dates replaced by {@code to}), then the new picture. */
    byte[] jpeg(String fromDate, String toDate) {
        byte[] encoded;
        try (BytePointer buf = new BytePointer(); IntPointer q = new IntPointer(IMWRITE_JPEG_QUALITY, 95)) {
            imencode(".jpg", image, buf, q);
            encoded = new byte[(int) buf.limit()];
            buf.get(encoded);
        }
        image.close();
        byte[] header = Arrays.copyOfRange(original, 0, headerEnd(original));
        String h = new String(header, StandardCharsets.ISO_8859_1).replace(fromDate, toDate);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(Arrays.copyOfRange(encoded, headerEnd(encoded), encoded.length));
        return out.toByteArray();
    }

    /** Where the APPn and COM segments after SOI end. */
    private static int headerEnd(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (!(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE) {
                return i;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return i;
    }

    private static Mat decode(byte[] bytes) {
        try (BytePointer data = new BytePointer(bytes); Mat encoded = new Mat(1, bytes.length, CV_8UC1, data)) {
            return imdecode(encoded, IMREAD_COLOR);
        }
    }
}
