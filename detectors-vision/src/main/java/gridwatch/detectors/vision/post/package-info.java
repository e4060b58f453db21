/** Key-post absence (关键岗缺勤): nobody at a post during its duty window, in site time. */
@NullMarked
package gridwatch.detectors.vision.post;

import org.jspecify.annotations.NullMarked;
