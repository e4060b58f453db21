package gridwatch.detectors.vision.snapshot;

import gridwatch.detectors.vision.Box;

/** An area a rule found, drawn on snapshots with its label (e.g. a garbage pile and its size). */
public record Region(String label, Box box) {
}
