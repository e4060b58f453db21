/** Evidence pictures: annotated JPEG snapshots, rendered only when an alert is emitted. */
@NullMarked
package gridwatch.detectors.vision.snapshot;

import org.jspecify.annotations.NullMarked;
