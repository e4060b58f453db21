/**
 * The one hold/clear state machine every rule shares: a condition must hold for a while before a finding is active,
 * and be clear for a while before it ends. Rules keep their own value hysteresis (what the condition is) and leave
 * the timing to {@link gridwatch.detectors.hold.HoldClear}.
 */
@NullMarked
package gridwatch.detectors.hold;

import org.jspecify.annotations.NullMarked;
