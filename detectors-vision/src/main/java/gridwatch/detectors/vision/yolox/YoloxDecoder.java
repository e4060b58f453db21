package gridwatch.detectors.vision.yolox;

import gridwatch.detectors.vision.Box;
import gridwatch.detectors.vision.ClassMap;
import gridwatch.detectors.vision.Detection;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw YOLOX head output into candidate boxes, exactly as the official
 * {@code demo_postprocess} does for a model exported with {@code decode_in_inference=False}:
 * rows are anchor points of the stride-8, then 16, then 32 grids, row-major; each row is
 * {@code [tx, ty, tw, th, obj, cls_0..cls_n]} with obj and cls already sigmoided, and
 * {@code cx = (tx + gx)·s, cy = (ty + gy)·s, w = e^tw·s, h = e^th·s}. The score is obj × the best
 * class's probability (one candidate per anchor; NMS is class-aware afterwards). Boxes are mapped
 * back to the original image by dividing by the letterbox ratio (the image sits top-left).
 */
public final class YoloxDecoder {

    private static final int[] STRIDES = {8, 16, 32};

    private final int inputSize;
    private final int classes;
    private final ClassMap classMap;
    private final int rows;

    public YoloxDecoder(int inputSize, ClassMap classMap) {
        this.inputSize = inputSize;
        this.classMap = classMap;
        this.classes = classMap.size();
        int n = 0;
        for (int s : STRIDES) {
            n += (inputSize / s) * (inputSize / s);
        }
        this.rows = n;
    }

    /** Anchor rows the model must output for this input size (3549 at 416). */
    public int rows() {
        return rows;
    }

    public List<Detection> decode(float[] out, float ratio, int imageWidth, int imageHeight, float minScore) {
        int width = 5 + classes;
        if (out.length != rows * width) {
            throw new IllegalArgumentException("model output has " + out.length + " values; a YOLOX head for "
                    + inputSize + "x" + inputSize + " with " + classes + " classes has " + rows + " x " + width);
        }
        List<Detection> found = new ArrayList<>();
        int row = 0;
        for (int s : STRIDES) {
            int g = inputSize / s;
            for (int gy = 0; gy < g; gy++) {
                for (int gx = 0; gx < g; gx++, row++) {
                    int o = row * width;
                    float obj = out[o + 4];
                    if (obj < minScore) {
                        continue; // score = obj × cls ≤ obj: nothing here can pass
                    }
                    int best = 0;
                    float bestP = out[o + 5];
                    for (int c = 1; c < classes; c++) {
                        float p = out[o + 5 + c];
                        if (p > bestP) {
                            bestP = p;
                            best = c;
                        }
                    }
                    float score = obj * bestP;
                    if (score < minScore) {
                        continue;
                    }
                    float cx = (out[o] + gx) * s;
                    float cy = (out[o + 1] + gy) * s;
                    float w = (float) Math.exp(out[o + 2]) * s;
                    float h = (float) Math.exp(out[o + 3]) * s;
                    Box b = new Box((cx - w / 2) / ratio, (cy - h / 2) / ratio, (cx + w / 2) / ratio, (cy + h / 2) / ratio)
                            .clip(imageWidth, imageHeight);
                    found.add(new Detection(best, classMap.name(best), score, b));
                }
            }
        }
        return found;
    }
}
