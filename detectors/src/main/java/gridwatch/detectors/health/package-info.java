/** Device health: quality gates on readings and faults the devices report. */
@NullMarked
package gridwatch.detectors.health;

import org.jspecify.annotations.NullMarked;
