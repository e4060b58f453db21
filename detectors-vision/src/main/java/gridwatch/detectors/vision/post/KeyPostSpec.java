package gridwatch.detectors.vision.post;

import gridwatch.detectors.vision.scene.ZoneRuleSpec;

import gridwatch.detectors.core.Severity;
import gridwatch.detectors.vision.zone.ImageZone;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Key-post absence (关键岗缺勤): no person in the post zone for more than {@code maxAbsentSeconds}
 * between {@code from} and {@code to} local time in {@code siteZone} (a window that wraps past
 * midnight, e.g. 22:00–06:00, is allowed).
 */
public record KeyPostSpec(String ruleId, String alertType, ImageZone zone, LocalTime from, LocalTime to, ZoneId siteZone,
                          double maxAbsentSeconds, float minScore, Severity severity) implements ZoneRuleSpec {

    public boolean onDuty(Instant at) {
        LocalTime t = at.atZone(siteZone).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
