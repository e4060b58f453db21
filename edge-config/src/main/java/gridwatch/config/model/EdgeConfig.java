package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole configuration of one edge box, validated. Immutable; a reload builds a new one. */
public record EdgeConfig(
        GatewayConfig gateway,
        SiteConfig site,
        UplinkConfig uplink,
        OutboxConfig outbox,
        HttpConfig http,
        IngestConfig ingest,
        ProfilesConfig profiles,
        List<ZoneConfig> zones,
        List<DeviceConfig> devices,
        Map<String, CategoryConfig> categories,
        List<RuleConfig> rules,
        AlertPolicyConfig alerts,
        HealthConfig health,
        TimeSeriesConfig timeseries,
        List<SinkConfig> sinks,
        VisionConfig vision,
        DroneConfig drone) {

    public EdgeConfig(
            GatewayConfig gateway,
            @Nullable SiteConfig site,
            UplinkConfig uplink,
            @Nullable OutboxConfig outbox,
            @Nullable HttpConfig http,
            @Nullable IngestConfig ingest,
            @Nullable ProfilesConfig profiles,
            @Nullable List<ZoneConfig> zones,
            List<DeviceConfig> devices,
            Map<String, CategoryConfig> categories,
            @Nullable List<RuleConfig> rules,
            @Nullable AlertPolicyConfig alerts,
            @Nullable HealthConfig health,
            @Nullable TimeSeriesConfig timeseries,
            @Nullable List<SinkConfig> sinks,
            @Nullable VisionConfig vision,
            @Nullable DroneConfig drone) {
        this.gateway = gateway;
        this.site = site == null ? new SiteConfig(null, null, null) : site;
        this.uplink = uplink;
        this.outbox = outbox == null ? new OutboxConfig(null, null, null) : outbox;
        this.http = http == null ? new HttpConfig(null, null) : http;
        this.ingest = ingest == null ? new IngestConfig(null, null) : ingest;
        this.profiles = profiles == null ? new ProfilesConfig(null) : profiles;
        this.zones = zones == null ? List.of() : List.copyOf(zones);
        this.devices = List.copyOf(devices);
        this.categories = Map.copyOf(categories);
        this.rules = rules == null ? List.of() : List.copyOf(rules);
        this.alerts = alerts == null ? new AlertPolicyConfig(null, null) : alerts;
        this.health = health == null ? new HealthConfig(null, null, null) : health;
        this.timeseries = timeseries == null ? new TimeSeriesConfig(null) : timeseries;
        this.sinks = sinks == null ? List.of() : List.copyOf(sinks);
        this.vision = vision == null ? new VisionConfig(null, null) : vision;
        this.drone = drone == null ? new DroneConfig(null, null, null) : drone;
    }

    /** A config without a drone section. */
    public EdgeConfig(GatewayConfig gateway, @Nullable SiteConfig site, UplinkConfig uplink, @Nullable OutboxConfig outbox,
                      @Nullable HttpConfig http, @Nullable IngestConfig ingest, @Nullable ProfilesConfig profiles,
                      @Nullable List<ZoneConfig> zones, List<DeviceConfig> devices, Map<String, CategoryConfig> categories,
                      @Nullable List<RuleConfig> rules, @Nullable AlertPolicyConfig alerts, @Nullable HealthConfig health,
                      @Nullable TimeSeriesConfig timeseries, @Nullable List<SinkConfig> sinks, @Nullable VisionConfig vision) {
        this(gateway, site, uplink, outbox, http, ingest, profiles, zones, devices, categories, rules, alerts, health, timeseries, sinks, vision, null);
    }

    /** The same config talking to another uplink (e.g. the embedded broker's real address). */
    public EdgeConfig withUplink(UplinkConfig u) {
        return new EdgeConfig(gateway, site, u, outbox, http, ingest, profiles, zones, devices, categories, rules, alerts, health, timeseries, sinks, vision, drone);
    }

    public EdgeConfig withHttp(HttpConfig h) {
        return new EdgeConfig(gateway, site, uplink, outbox, h, ingest, profiles, zones, devices, categories, rules, alerts, health, timeseries, sinks, vision, drone);
    }

    public EdgeConfig withIngest(IngestConfig i) {
        return new EdgeConfig(gateway, site, uplink, outbox, http, i, profiles, zones, devices, categories, rules, alerts, health, timeseries, sinks, vision, drone);
    }

    /** The same config with one more device (e.g. the demo's camera), its categories and the detector. */
    public EdgeConfig withDevice(DeviceConfig d, Map<String, CategoryConfig> moreCategories, VisionConfig v) {
        List<DeviceConfig> ds = new java.util.ArrayList<>(devices);
        ds.add(d);
        Map<String, CategoryConfig> cs = new java.util.HashMap<>(categories);
        cs.putAll(moreCategories);
        return new EdgeConfig(gateway, site, uplink, outbox, http, ingest, profiles, zones, ds, cs, rules, alerts, health, timeseries, sinks, v, drone);
    }

    public Optional<ZoneConfig> zone(String id) {
        return zones.stream().filter(z -> z.id().equals(id)).findFirst();
    }

    public Optional<DeviceConfig> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
