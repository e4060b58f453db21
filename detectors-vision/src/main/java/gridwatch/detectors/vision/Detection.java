package gridwatch.detectors.vision;

/** One object a model found in one frame. {@code label} is the class map's name for {@code classId}. */
public record Detection(int classId, String label, float score, Box box) {
}
