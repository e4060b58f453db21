package gridwatch.detectors.vision.snapshot;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

/**
 * A rendered JPEG made smaller: decoded, scaled down to a width (area interpolation, the aspect kept) and encoded at
 * another quality. It works on the finished picture, so it needs nothing of how it was drawn; the drawing (boxes,
 * labels) shrinks with it. Holds no native memory between calls: all of it is attached to the call's
 * {@link PointerScope} and freed before it returns. Any thread.
 */
final class JpegRecoder {

    private JpegRecoder() {
    }

    /**
     * @return {@code jpeg} at most {@code maxWidth} wide at JPEG {@code quality}
     * @throws IllegalArgumentException when {@code jpeg} is no picture OpenCV can decode
     */
    @SuppressWarnings("try") // the scope is never referenced: it frees what the body allocates
    static byte[] recode(byte[] jpeg, int maxWidth, int quality) {
        try (PointerScope scope = new PointerScope()) {
            Mat encoded = new Mat(1, jpeg.length, CV_8UC1, new BytePointer(jpeg));
            Mat picture = opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_UNCHANGED);
            if (picture.empty()) {
                throw new IllegalArgumentException("not a picture OpenCV can decode (" + jpeg.length + " bytes)");
            }
            Mat scaled = picture;
            if (picture.cols() > maxWidth) {
                scaled = new Mat();
                int height = Math.max(1, (int) Math.round((double) picture.rows() * maxWidth / picture.cols()));
                opencv_imgproc.resize(picture, scaled, new Size(maxWidth, height), 0, 0, opencv_imgproc.INTER_AREA);
            }
            BytePointer out = new BytePointer();
            opencv_imgcodecs.imencode(".jpg", scaled, out, new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality));
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
