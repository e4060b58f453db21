package gridwatch.config.model;

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
        VisionConfig vision) {

    @SuppressWarnings("NullAway") // absent YAML fields arrive as null; see package-info
    public EdgeConfig {
        site = site == null ? new SiteConfig(null, null, null) : site;
        outbox = outbox == null ? new OutboxConfig(null, null, null) : outbox;
        http = http == null ? new HttpConfig(null, null) : http;
        ingest = ingest == null ? new IngestConfig(null, null) : ingest;
        profiles = profiles == null ? new ProfilesConfig(null) : profiles;
        zones = zones == null ? List.of() : List.copyOf(zones);
        devices = List.copyOf(devices);
        categories = Map.copyOf(categories);
        rules = rules == null ? List.of() : List.copyOf(rules);
        alerts = alerts == null ? new AlertPolicyConfig(null, null) : alerts;
        health = health == null ? new HealthConfig(null, null, null) : health;
        timeseries = timeseries == null ? new TimeSeriesConfig(null) : timeseries;
        sinks = sinks == null ? List.of() : List.copyOf(sinks);
        vision = vision == null ? new VisionConfig(null, null) : vision;
    }

    /** The same config talking to another uplink (e.g. the embedded broker's real address). */
    public EdgeConfig withUplink(UplinkConfig u) {
        return new EdgeConfig(gateway, site, u, outbox, http, ingest, profiles, zones, devices, categories, rules, alerts, health, timeseries, sinks, vision);
    }

    public EdgeConfig withHttp(HttpConfig h) {
        return new EdgeConfig(gateway, site, uplink, outbox, h, ingest, profiles, zones, devices, categories, rules, alerts, health, timeseries, sinks, vision);
    }

    public EdgeConfig withIngest(IngestConfig i) {
        return new EdgeConfig(gateway, site, uplink, outbox, http, i, profiles, zones, devices, categories, rules, alerts, health, timeseries, sinks, vision);
    }

    /** The same config with one more device (e.g. the demo's camera), its categories and the detector. */
    public EdgeConfig withDevice(DeviceConfig d, Map<String, CategoryConfig> moreCategories, VisionConfig v) {
        List<DeviceConfig> ds = new java.util.ArrayList<>(devices);
        ds.add(d);
        Map<String, CategoryConfig> cs = new java.util.HashMap<>(categories);
        cs.putAll(moreCategories);
        return new EdgeConfig(gateway, site, uplink, outbox, http, ingest, profiles, zones, ds, cs, rules, alerts, health, timeseries, sinks, v);
    }

    public Optional<ZoneConfig> zone(String id) {
        return zones.stream().filter(z -> z.id().equals(id)).findFirst();
    }

    public Optional<DeviceConfig> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
