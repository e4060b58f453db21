package gridwatch.drone.match;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * A photo decoded grey and brought to at most {@code maxWidth} pixels wide (libjpeg's DCT scaling,
 * then INTER_AREA), remembering the factor back to the stored pixels. Owns its native image:
 * whoever loads one closes it.
 *
 * @param mat          the grey image (CV_8UC1)
 * @param toStoredScale multiply a pixel coordinate of {@code mat} by this to get the stored photo's
 */
public record GreyImage(Mat mat, double toStoredScale) implements AutoCloseable {

    /** @throws IOException when the file cannot be read or decoded */
    public static GreyImage load(Path jpeg, int storedWidth, int maxWidth) throws IOException {
        byte[] bytes = Files.readAllBytes(jpeg);
        int flag = IMREAD_GRAYSCALE;
        for (int[] r : new int[][] {{8, IMREAD_REDUCED_GRAYSCALE_8}, {4, IMREAD_REDUCED_GRAYSCALE_4}, {2, IMREAD_REDUCED_GRAYSCALE_2}}) {
            if (storedWidth >= r[0] * maxWidth) {
                flag = r[1];
                break;
            }
        }
        Mat grey;
        try (BytePointer data = new BytePointer(bytes); Mat encoded = new Mat(1, bytes.length, CV_8UC1, data)) {
            grey = imdecode(encoded, flag);
        }
        if (grey.empty()) {
            grey.close();
            throw new IOException(jpeg + ": cannot be decoded as an image");
        }
        if (grey.cols() > maxWidth) {
            Mat small = new Mat();
            resize(grey, small, new Size(maxWidth, (int) Math.round((double) grey.rows() * maxWidth / grey.cols())), 0, 0, INTER_AREA);
            grey.close();
            grey = small;
        }
        return new GreyImage(grey, (double) storedWidth / grey.cols());
    }

    @Override
    public void close() {
        mat.close();
    }
}
