package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.time.ZoneId;

/** Where the box stands. The zone drives day/night rules; timestamps on the wire stay UTC. */
public record SiteConfig(@Nullable String name, String timeZone, @Nullable Location location) {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    public SiteConfig {
        timeZone = timeZone == null ? DEFAULT_ZONE : timeZone;
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }
}
