/** Crowd gathering (人群聚集): people counted per zone, held for a while before a finding starts. */
@NullMarked
package gridwatch.detectors.vision.crowd;

import org.jspecify.annotations.NullMarked;
