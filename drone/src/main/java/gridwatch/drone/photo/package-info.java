/**
 * One photo from JPEG to AnalyzedPhoto: metadata, camera, pose, frame gates and every warning; and what a site tells the pipeline.
 * See docs/drone.md.
 */
@NullMarked
package gridwatch.drone.photo;

import org.jspecify.annotations.NullMarked;
