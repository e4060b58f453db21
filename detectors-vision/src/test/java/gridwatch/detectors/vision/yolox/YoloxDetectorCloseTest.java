package gridwatch.detectors.vision.yolox;

import gridwatch.detectors.vision.ClosedException;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.Shared;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Shutting a camera box down while its model is busy: the real model runs on a real frame in a
 * loop on one thread, as a camera's analysis thread does, and another thread closes it. The model
 * must not be freed under the running inference (a native crash, or garbage results), close()
 * must come back only after that inference is done, and every later call must be refused with a
 * clear "closed" error rather than a NullPointerException from freed native memory.
 */
@Tag("models")
class YoloxDetectorCloseTest {

    private static boolean inModel(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("ai.onnxruntime.OrtSession"));
    }

    @Test
    void closeWaitsForTheRunningInferenceAndLaterCallsAreRefusedClearly() throws Exception {
        YoloxDetector detector = new YoloxDetector(Shared.yoloxNano());
        try (Mat frame = imread(Shared.path("testdata/images/vtest_frame300.jpg").toString())) {
            List<Integer> people = new CopyOnWriteArrayList<>();
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread analysis = Thread.ofPlatform().name("test-analysis").start(() -> {
                try {
                    while (true) {
                        List<Detection> d = detector.detect(frame);
                        people.add((int) d.stream().filter(x -> x.label().equals("person")).count());
                    }
                } catch (Throwable t) {
                    ended.set(t);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (people.size() < 5 && ended.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(people).as("inferences before the close").hasSizeGreaterThanOrEqualTo(5);

            // Close while the analysis thread is inside ONNX Runtime's run.
            while (!inModel(analysis.getStackTrace()) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            detector.close();
            StackTraceElement[] whenClosed = analysis.getStackTrace();
            assertThat(inModel(whenClosed) || Arrays.stream(whenClosed).anyMatch(f -> f.getClassName().equals(Letterbox.class.getName())))
                    .as("the analysis thread still in the model or its input buffers when close() returned").isFalse();

            analysis.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(analysis.isAlive()).isFalse();
            assertThat(ended.get()).as("how the analysis loop ended")
                    .isInstanceOf(ClosedException.class).hasMessage("model yolox_nano.onnx is closed");
            // Every inference that finished saw the real frame through a live model: 7 to 9 people.
            assertThat(people).allMatch(n -> n >= 7 && n <= 9);
            assertThatThrownBy(() -> detector.detect(frame)).isInstanceOf(ClosedException.class);
            detector.close(); // a second close is harmless
        }
    }
}
