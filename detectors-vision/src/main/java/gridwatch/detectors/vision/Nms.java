package gridwatch.detectors.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Class-aware hard non-maximum suppression, as the YOLOX and PicoDet demos do it: within one
 * class, a box overlapping a better-scored kept box by more than {@code iou} is dropped; boxes of
 * different classes never suppress each other.
 */
public final class Nms {

    private Nms() {
    }

    public static List<Detection> classAware(List<Detection> candidates, float iou, int maxKept) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (k.classId() == d.classId() && k.box().iou(d.box()) > iou) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(d);
                if (kept.size() == maxKept) {
                    break;
                }
            }
        }
        return kept;
    }
}
