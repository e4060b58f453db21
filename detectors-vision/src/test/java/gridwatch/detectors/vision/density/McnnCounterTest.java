package gridwatch.detectors.vision.density;

import gridwatch.detectors.vision.ClosedException;
import gridwatch.detectors.vision.ModelFile;
import gridwatch.detectors.vision.Shared;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** The MCNN counter on the real model file: its checksum, its input and output, and closing it under a running estimate. */
@Tag("models")
class McnnCounterTest {

    @Test
    void aFileWhoseChecksumDiffersIsRefusedNamingBothChecksums() {
        String wrong = "89472c1240358b70cb408e0f8d9d93b50d23f45a32c8f099fb4e25989daefa8c"; // MCNN-B's, expected of the A file
        assertThatThrownBy(() -> new McnnCounter(new DensityModelSpec(Shared.path("models/mcnn_shtechA.onnx"), wrong, 1)))
                .isInstanceOf(ModelFile.ModelRefusedException.class)
                .hasMessageContaining("mcnn_shtechA.onnx")
                .hasMessageContaining("has sha256 " + Shared.MCNN_A_SHA256)
                .hasMessageContaining("config expects " + wrong);
    }

    @Test
    void theInputIsTheGreyFrameAtTheAskedWidthAndTheMapAQuarterOfIt() {
        try (McnnCounter c = new McnnCounter(Shared.mcnnA()); Mat m = imread(Shared.path("testdata/crowd2/ucfcc50_16.jpg").toString())) {
            DensityInput in = c.prepare(m, 402); // 800x600, asked 402: a multiple of 4 at most that wide, aspect kept
            assertThat(in.width()).isEqualTo(400);
            assertThat(in.height()).isEqualTo(300);
            assertThat(in.channels()).isEqualTo(1);
            assertThat(in.frameWidth()).isEqualTo(800);
            // Raw grey levels, not normalised.
            double max = 0;
            for (float v : in.pixels()) {
                max = Math.max(max, v);
            }
            assertThat(max).isBetween(200.0, 255.0);
            DensityMap map = c.estimate(in);
            assertThat(map.width()).isEqualTo(100);
            assertThat(map.height()).isEqualTo(75);
            // Never enlarged: a frame narrower than the asked width keeps its own.
            assertThat(c.prepare(m, 4000).width()).isEqualTo(800);
        }
    }

    private static boolean inModel(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("ai.onnxruntime.OrtSession"));
    }

    @Test
    void closeWaitsForTheRunningEstimateAndLaterCallsAreRefusedClearly() throws Exception {
        McnnCounter counter = new McnnCounter(Shared.mcnnA());
        try (Mat frame = imread(Shared.path("testdata/crowd2/mall_seq_000449.jpg").toString())) {
            DensityInput in = counter.prepare(frame, 640);
            List<Double> totals = new CopyOnWriteArrayList<>();
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread worker = Thread.ofPlatform().name("test-density-worker").start(() -> {
                try {
                    while (true) {
                        totals.add(counter.estimate(in).total());
                    }
                } catch (Throwable t) {
                    ended.set(t);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (totals.size() < 2 && ended.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            while (!inModel(worker.getStackTrace()) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            counter.close();
            assertThat(inModel(worker.getStackTrace())).as("the worker still in the model when close() returned").isFalse();
            worker.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(ended.get()).isInstanceOf(ClosedException.class).hasMessage("density model mcnn_shtechA.onnx is closed");
            // Every estimate that finished ran on a live model: the same picture, the same count.
            assertThat(totals).hasSizeGreaterThanOrEqualTo(2).allSatisfy(t -> assertThat(t).isEqualTo(totals.getFirst()));
            assertThatThrownBy(() -> counter.prepare(frame, 640)).isInstanceOf(ClosedException.class);
            counter.close();
        }
    }
}
