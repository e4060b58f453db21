/** Unwashed muck trucks (渣土车未冲洗): trucks leaving a site over the exit line, scored for mud. */
@NullMarked
package gridwatch.detectors.vision.muck;

import org.jspecify.annotations.NullMarked;
