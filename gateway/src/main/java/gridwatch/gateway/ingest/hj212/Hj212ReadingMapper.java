package gridwatch.gateway.ingest.hj212;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.profiles.DeviceResource;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a packet's values into readings through the station's profile: a value maps to the
 * resource whose {@code hj212.factor} matches (case-insensitively; vendors vary), and whose
 * {@code field} matches or, when absent, to Rtd/Avg/Data. {@code DataTime} is the station's
 * local time in the site zone. Data flag N (or none) is good; S (manual input) uncertain; F, M,
 * D, C, T, B bad. Values outside the profile's range are bad. Unmapped factors are ignored.
 */
final class Hj212ReadingMapper {

    private static final Set<String> DEFAULT_FIELDS = Set.of("Rtd", "Avg", "Data");

    private final ZoneId siteZone;
    private final Clock clock;

    Hj212ReadingMapper(ZoneId siteZone, Clock clock) {
        this.siteZone = siteZone;
        this.clock = clock;
    }

    List<Reading> readings(Hj212Station station, Hj212Packet p) {
        var at = p.dataTime() != null ? p.dataTime().atZone(siteZone).toInstant() : clock.instant();
        List<Reading> out = new ArrayList<>(p.values().size());
        for (Hj212Value v : p.values()) {
            for (DeviceResource r : station.profile().deviceResources()) {
                if (!matches(r, v)) {
                    continue;
                }
                out.add(ProfileReadings.of(station.deviceId(), r.name(), r.properties(), v.value(), at, quality(v.flag())));
            }
        }
        return out;
    }

    private static boolean matches(DeviceResource r, Hj212Value v) {
        Map<String, Object> a = r.attributes().get("hj212");
        if (a == null || !v.factor().equalsIgnoreCase(String.valueOf(a.get("factor")))) {
            return false;
        }
        Object field = a.get("field");
        return field == null ? DEFAULT_FIELDS.contains(v.field()) : field.toString().equals(v.field());
    }

    private static Quality quality(String flag) {
        if (flag == null || flag.equalsIgnoreCase("N")) {
            return Quality.GOOD;
        }
        return flag.equalsIgnoreCase("S") ? Quality.UNCERTAIN : Quality.BAD;
    }
}
