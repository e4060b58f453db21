package gridwatch.gateway.ingest.hj212;

import org.jspecify.annotations.Nullable;

import gridwatch.detectors.core.Quality;
import gridwatch.detectors.core.Reading;
import gridwatch.gateway.ingest.ProfileReadings;
import gridwatch.profiles.DeviceResource;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * Turns a packet's values into readings through the station's profile: a value maps to the
 * resource whose {@code hj212.factor} matches (case-insensitively; vendors vary), and whose
 * {@code field} matches or, when absent, to Rtd/Avg/Data. {@code DataTime} is the station's
 * local time in the site zone. Data flag N (or none) is good; S (manual input) uncertain; F, M,
 * D, C, T, B bad. Values outside the profile's range are bad, and so are values that are not
 * usable numbers ({@code NaN}, {@code Infinity}, {@code 1e999}): one BAD reading each, the other
 * factors of the packet unaffected. Unmapped factors are ignored.
 */
final class Hj212ReadingMapper {

    private static final Set<String> DEFAULT_FIELDS = Set.of("Rtd", "Avg", "Data");

    /** A profile resource fed by one HJ 212 factor; {@code field} null means the default fields. */
    private record Binding(DeviceResource resource, @Nullable String field) {
        boolean takes(String f) {
            return field == null ? DEFAULT_FIELDS.contains(f) : field.equals(f);
        }
    }

    private final ZoneId siteZone;
    private final Clock clock;
    private final ProfileReadings profileReadings;
    /** Per device: factor code (case-insensitive) → the resources it feeds. Built once per station, read on every packet. */
    private final Map<String, Map<String, List<Binding>>> bindings = new ConcurrentHashMap<>();

    Hj212ReadingMapper(ZoneId siteZone, Clock clock, ProfileReadings profileReadings) {
        this.siteZone = siteZone;
        this.clock = clock;
        this.profileReadings = profileReadings;
    }

    List<Reading> readings(Hj212Station station, Hj212Packet p) {
        var at = p.dataTime() != null ? p.dataTime().atZone(siteZone).toInstant() : clock.instant();
        List<Reading> out = new ArrayList<>(p.values().size());
        Map<String, List<Binding>> byFactor = bindings.computeIfAbsent(station.deviceId(), d -> index(station));
        for (Hj212Value v : p.values()) {
            List<Binding> fed = byFactor.get(v.factor());
            if (fed == null) {
                continue;
            }
            for (Binding b : fed) {
                if (b.takes(v.field())) {
                    DeviceResource r = b.resource();
                    out.add(profileReadings.of(station.deviceId(), r.name(), r.properties(), v.value(), at, quality(v.flag())));
                }
            }
        }
        return out;
    }

    private static Map<String, List<Binding>> index(Hj212Station station) {
        Map<String, List<Binding>> byFactor = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (DeviceResource r : station.profile().deviceResources()) {
            Map<String, Object> a = r.attributes().get("hj212");
            if (a != null && a.get("factor") != null) {
                byFactor.computeIfAbsent(a.get("factor").toString(), f -> new ArrayList<>())
                        .add(new Binding(r, a.get("field") == null ? null : a.get("field").toString()));
            }
        }
        return byFactor;
    }

    private static Quality quality(@Nullable String flag) {
        if (flag == null || flag.equalsIgnoreCase("N")) {
            return Quality.GOOD;
        }
        return flag.equalsIgnoreCase("S") ? Quality.UNCERTAIN : Quality.BAD;
    }
}
