package gridwatch.drone.quality;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The black-frame and blur gates (design note §6): the photo decoded grey, at most 1000 px wide
 * (libjpeg's DCT scaling decodes a 4000-px photo at a quarter size without ever holding it whole,
 * then INTER_AREA brings it to 1000 px), its mean grey and its variance of the Laplacian.
 *
 * <p>Every native image is made and freed inside one call (a JavaCPP {@link PointerScope}); nothing
 * is kept, so one instance may serve any number of threads.
 */
public record FrameCheck(QualityLimits limits) {

    private static final int TARGET_WIDTH = 1000;

    /** @throws IOException when the file cannot be read or decoded as an image */
    public FrameStats measure(Path jpeg, int storedWidth) throws IOException {
        byte[] bytes = Files.readAllBytes(jpeg);
        try (PointerScope scope = new PointerScope()) {
            Mat encoded = new Mat(1, bytes.length, CV_8UC1, new BytePointer(bytes));
            Mat grey = imdecode(encoded, reducedFlag(storedWidth));
            if (grey.empty()) {
                throw new IOException(jpeg + ": cannot be decoded as an image");
            }
            if (grey.cols() > TARGET_WIDTH) {
                Mat small = new Mat();
                resize(grey, small, new Size(TARGET_WIDTH, (int) Math.round((double) grey.rows() * TARGET_WIDTH / grey.cols())), 0, 0, INTER_AREA);
                grey = small;
            }
            Mat mean = new Mat();
            Mat std = new Mat();
            meanStdDev(grey, mean, std);
            double meanGrey = mean.ptr(0).getDouble();
            Mat lap = new Mat();
            Laplacian(grey, lap, CV_64F);
            meanStdDev(lap, mean, std);
            double sd = std.ptr(0).getDouble();
            return new FrameStats(meanGrey, sd * sd, grey.cols());
        }
    }

    /** The warnings the frame earns: black, blurred, or too small to judge. */
    public List<PhotoWarning> warnings(FrameStats s, int storedWidth, int storedHeight) {
        List<PhotoWarning> w = new ArrayList<>();
        if (s.meanGrey() < limits.blackMeanGrey()) {
            w.add(new PhotoWarning.BlackFrame(s.meanGrey(), limits.blackMeanGrey()));
        }
        if (storedWidth < limits.minJudgeWidth()) {
            w.add(new PhotoWarning.LowResolution(storedWidth, storedHeight));
        } else if (s.laplacianVariance() < limits.blurVariance() && s.meanGrey() >= limits.blackMeanGrey()) {
            w.add(new PhotoWarning.Blurred(s.laplacianVariance(), limits.blurVariance()));
        }
        return w;
    }

    /** The largest libjpeg reduction that still leaves at least 1000 px of width. */
    private static int reducedFlag(int width) {
        if (width >= 8 * TARGET_WIDTH) {
            return IMREAD_REDUCED_GRAYSCALE_8;
        }
        if (width >= 4 * TARGET_WIDTH) {
            return IMREAD_REDUCED_GRAYSCALE_4;
        }
        if (width >= 2 * TARGET_WIDTH) {
            return IMREAD_REDUCED_GRAYSCALE_2;
        }
        return IMREAD_GRAYSCALE;
    }
}
