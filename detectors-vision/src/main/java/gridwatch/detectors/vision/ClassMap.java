package gridwatch.detectors.vision;

import java.util.List;
import java.util.Optional;

/**
 * Class ids of a model and their names. COCO-80 is the default; a site model with its own
 * classes (e.g. {@code garbage}, {@code muck-truck}) brings its own list in config.
 */
public record ClassMap(List<String> names) {

    public static final ClassMap COCO = new ClassMap(List.of(
            "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
            "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
            "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
            "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard",
            "tennis racket", "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple",
            "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch",
            "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard",
            "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book", "clock", "vase",
            "scissors", "teddy bear", "hair drier", "toothbrush"));

    public ClassMap {
        names = List.copyOf(names);
    }

    public String name(int id) {
        return id >= 0 && id < names.size() ? names.get(id) : "class" + id;
    }

    public Optional<Integer> id(String name) {
        int i = names.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    public int size() {
        return names.size();
    }
}
