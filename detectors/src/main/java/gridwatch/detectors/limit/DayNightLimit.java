package gridwatch.detectors.limit;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A limit with a day value and a night value, switching at local times in the site's zone.
 * GB 3096-2008 defines day as 06:00–22:00 and night as 22:00–06:00; local rules may move both.
 */
public record DayNightLimit(double dayLimit, double nightLimit, LocalTime dayStarts, LocalTime nightStarts, ZoneId zone)
        implements Limit {

    public boolean isNight(Instant when) {
        LocalTime t = when.atZone(zone).toLocalTime();
        boolean nightWrapsMidnight = nightStarts.isAfter(dayStarts);
        return nightWrapsMidnight
                ? !t.isBefore(nightStarts) || t.isBefore(dayStarts)
                : !t.isBefore(nightStarts) && t.isBefore(dayStarts);
    }

    @Override
    public double at(Instant when) {
        return isNight(when) ? nightLimit : dayLimit;
    }
}
