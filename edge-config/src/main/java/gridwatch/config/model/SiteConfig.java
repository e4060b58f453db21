package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.time.ZoneId;

/** Where the box stands. The zone drives day/night rules; timestamps on the wire stay UTC. */
public record SiteConfig(@Nullable String name, String timeZone, @Nullable Location location) {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    public SiteConfig(@Nullable String name, @Nullable String timeZone, @Nullable Location location) {
        this.name = name;
        this.timeZone = timeZone == null ? DEFAULT_ZONE : timeZone;
        this.location = location;
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }
}
