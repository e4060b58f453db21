package gridwatch.gateway.runtime;

import com.github.f4b6a3.uuid.UuidCreator;
import gridwatch.config.ConfigException;
import gridwatch.config.ConfigPaths;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.DroneConnection;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.Hj212Connection;
import gridwatch.config.model.Hj212ServerConfig;
import gridwatch.config.model.Sl651Connection;
import gridwatch.config.model.Sl651ServerConfig;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.AlertFactory;
import gridwatch.gateway.alert.AlertSink;
import gridwatch.gateway.alert.IncidentResumption;
import gridwatch.gateway.alert.IncidentState;
import gridwatch.gateway.alert.IncidentTracker;
import gridwatch.gateway.alert.LogSink;
import gridwatch.gateway.alert.RecentAlerts;
import gridwatch.gateway.alert.outbox.Outbox;
import gridwatch.gateway.control.GatewayControl;
import gridwatch.gateway.devices.DeviceRegistry;
import gridwatch.gateway.devices.LatestReadings;
import gridwatch.gateway.ingest.SharedListener;
import gridwatch.gateway.ingest.Source;
import gridwatch.gateway.ingest.connector.ConnectorRegistry;
import gridwatch.gateway.ingest.drone.DroneIngest;
import gridwatch.gateway.ingest.drone.PhotoAnalysis;
import gridwatch.gateway.ingest.hj212.Hj212Server;
import gridwatch.gateway.vision.CameraConnector;
import gridwatch.gateway.ingest.sl651.Sl651Server;
import gridwatch.gateway.ops.GatewayMetrics;
import gridwatch.gateway.ops.HealthAssembler;
import gridwatch.gateway.ops.OpsHandler;
import gridwatch.gateway.ops.OpsHttpServer;
import gridwatch.gateway.pipeline.AlertPipeline;
import gridwatch.gateway.pipeline.DeviceActivity;
import gridwatch.gateway.pipeline.DeviceHealth;
import gridwatch.gateway.pipeline.StalenessWatcher;
import gridwatch.gateway.rules.RuleEngine;
import gridwatch.gateway.timeseries.InfluxWriter;
import gridwatch.gateway.uplink.mqtt.MqttUplink;
import gridwatch.gateway.uplink.mqtt.OutboxPublisher;
import gridwatch.profiles.ProfileCatalog;
import gridwatch.profiles.ProfileLoader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Assembles a running gateway from a validated config, in data-flow order:
 * sources → pipeline (rules, incidents, alerts) → outbox → publisher → uplink; plus the
 * operations server and the config reloader. Owns nothing but the wiring: every part is recorded
 * in {@link Components} as it is opened, {@link #close()} closes them in reverse order, and a start
 * that fails half-way closes what it had opened before the error reaches the caller. What is in
 * the outbox stays for the next start.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    // Alert and incident ids need to be unique and time-ordered, not unguessable: the fast variant draws its
    // random bits from a securely seeded non-cryptographic generator instead of SecureRandom (SHA-1 per id was
    // 7 % of the pipeline thread at 13k alerts/s).
    private static final Supplier<UUID> UUID_V7 = UuidCreator::getTimeOrderedEpochFast;
    /** The loader always sets outbox.directory; only a config built by hand can lack it. */
    static final String NO_OUTBOX = "outbox.directory is not set (a config built by hand must set it)";

    private final Components parts = new Components();
    private final AtomicReference<EdgeConfig> config;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final RecentAlerts recent = new RecentAlerts(500);
    private final Outbox outbox;
    private final MqttUplink uplink;
    private final OutboxPublisher publisher;
    private final AlertPipeline pipeline;
    private final List<Source> sources = new ArrayList<>();
    private final List<SharedListener> listeners = new ArrayList<>();
    private final OpsHttpServer http;
    private final Hj212Server hj212;
    private final HealthAssembler health;
    private final ConfigReloader reloader;
    private final StalenessWatcher staleness;
    private final @Nullable InfluxWriter timeseries;
    private final Sl651Server sl651;
    private final DroneIngest drones;
    private final DeviceRegistry devices = new DeviceRegistry();
    private final LatestReadings latest = new LatestReadings();
    private final GatewayControl control;

    private Gateway(Path configFile, EdgeConfig initial, Consumer<Alert> onStored) throws ConfigException, IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        ConfigPaths paths = ConfigPaths.of(configFile.toString());
        config = new AtomicReference<>(initial);
        ProfileCatalog profiles = new ProfileLoader().load(initial.profiles().directories());
        try {
            outbox = parts.add("outbox", new Outbox(Objects.requireNonNull(initial.outbox().directory(), NO_OUTBOX), initial.outbox().maxBytes(), initial.outbox().fsync()));
            metrics.watchOutbox(outbox::stats);
            uplink = parts.add("uplink", new MqttUplink(initial.uplink(), initial.gateway().id(), clock, outbox.start().boot()));
            metrics.watchUplink(uplink::connected);
            publisher = parts.add("outbox publisher", new OutboxPublisher(outbox, uplink, metrics::published));
            metrics.watchPublisher(publisher::resent, publisher::refusals, publisher::waitingForRetry);

            // The time-series writer is opened before the pipeline that feeds it, so it closes after it.
            var influx = initial.timeseries().influxdb();
            timeseries = influx == null ? null : parts.add("time-series writer", new InfluxWriter(influx, influx.spoolDirectory()));
            IncidentTracker incidents = new IncidentTracker(initial.alerts(), UUID_V7);
            metrics.watchSuppressed(incidents::suppressedCount);
            List<AlertSink> sinks = new ArrayList<>(List.of(recent));
            if (initial.sinks().stream().anyMatch(s -> "log".equals(s.type()))) {
                sinks.add(new LogSink());
            }
            DeviceActivity activity = new DeviceActivity();
            AlertFactory factory = new AlertFactory(initial, UUID_V7, clock);
            // Incidents open at the last stop go on under their ids, and the rules that raised them are active again;
            // the pipeline has not started, so no finding races them.
            RuleEngine rules = new RuleEngine(initial);
            for (IncidentState s : IncidentResumption.resume(outbox.start(), incidents, factory, outbox::forgetIncidents, clock.instant())) {
                if (s.oneShotTtlSeconds() == null && s.objectKey() == null) {
                    rules.resume(s.ruleId(), s.deviceId(), s.alertType(), s.zoneId(), s.severity(), s.startedAt());
                }
            }
            pipeline = parts.add("pipeline", new AlertPipeline(new DeviceHealth(initial, profiles::find), rules, incidents,
                    factory, outbox, sinks, metrics, activity, clock));
            pipeline.onStored(onStored);
            pipeline.store(timeseries == null ? latest : latest.andThen(timeseries));
            if (timeseries != null) {
                metrics.watchTimeSeries(timeseries::written, timeseries::dropped, timeseries::spoolBytes);
            }

            hj212 = parts.add("HJ 212 server", new Hj212Server(initial.ingest().hj212() != null ? initial.ingest().hj212() : Hj212ServerConfig.defaults(),
                    initial.site().zoneId(), metrics, clock));
            sl651 = parts.add("SL 651 server", new Sl651Server(initial.ingest().sl651() != null ? initial.ingest().sl651() : Sl651ServerConfig.defaults(),
                    initial.site().zoneId(), metrics, clock));
            // PhotoAnalysis.NONE stores, records and counts drone photos; the photo analysis (drone module) plugs in here.
            drones = parts.add("drone ingest", DroneIngest.forConfig(initial, metrics, PhotoAnalysis.NONE, clock));
            // Vision is built on the first camera only, so a sensor-only box never loads OpenCV, FFmpeg or ONNX Runtime
            // (nor the vision classes: no lambda here may name one, its call site would load it).
            ConnectorRegistry connectors = Connectors.builtIn(hj212, sl651, drones, clock, metrics,
                    new CameraConnector(initial, paths.baseDir(), clock, parts::add, activity::record));
            for (DeviceConfig d : initial.devices()) {
                var profile = profiles.find(d.profile()).orElseThrow();
                Source source = connectors.attach(d, profile).map(s -> parts.add("device " + d.id(), s)).orElse(null);
                if (source != null) {
                    sources.add(source);
                }
                devices.add(d, profile, source);
            }
            // A shared listener runs when a device reports through it, or when the config asks for it explicitly.
            if (initial.devices().stream().anyMatch(d -> d.connection() instanceof Hj212Connection) || initial.ingest().hj212() != null) {
                listeners.add(hj212);
            }
            if (initial.devices().stream().anyMatch(d -> d.connection() instanceof Sl651Connection) || initial.ingest().sl651() != null) {
                listeners.add(sl651);
            }
            if (initial.devices().stream().anyMatch(d -> d.connection() instanceof DroneConnection)) {
                listeners.add(drones);
            }
            staleness = parts.add("staleness watcher", new StalenessWatcher(initial, activity, pipeline::finding, clock));
            health = new HealthAssembler(uplink::state, outbox::stats, config::get, activity, sources, timeseries, clock);
            http = parts.add("ops HTTP server", new OpsHttpServer(initial.http().bind(), initial.http().port(), new OpsHandler(health, metrics, recent)));
            // The pipeline swaps rules and alert config together; config() follows once the new one is in effect.
            reloader = parts.add("config reloader", new ConfigReloader(configFile, initial,
                    next -> pipeline.reconfigure(next).thenRun(() -> config.set(next))));
            control = new LocalGatewayControl(configFile, reloader, devices, latest, java.time.Duration.ofSeconds(20));
        } catch (Throwable e) {   // Netty's sync() throws checked exceptions (BindException) undeclared
            parts.close();
            throw e;
        }
    }

    /**
     * Builds and starts a gateway. {@code onStored} hears of each alert once it is on disk (tests,
     * demo). When any part fails to start, everything opened so far is closed and the error thrown.
     */
    public static Gateway start(Path configFile, EdgeConfig config, Consumer<Alert> onStored)
            throws ConfigException, IOException, InterruptedException {
        Gateway g = new Gateway(configFile, config, onStored);
        try {
            g.uplink.start();
            g.publisher.start();
            if (g.timeseries != null) {
                g.timeseries.start();
            }
            g.pipeline.start();
            g.staleness.start();
            for (Source s : g.sources) {
                s.start(g.pipeline);
            }
            for (SharedListener l : g.listeners) {
                l.start(g.pipeline);
            }
        } catch (Throwable e) {   // Netty's sync() throws checked exceptions (BindException) undeclared
            LOG.error("gateway {} failed to start ({}); closing what had started", config.gateway().id(), e.toString());
            g.close();
            throw e;
        }
        LOG.info("gateway {} running: {} devices, {} rules, ops on http://{}:{}/health", config.gateway().id(),
                config.devices().size(), config.rules().size(), config.http().bind(), g.http.port());
        return g;
    }

    public int httpPort() {
        return http.port();
    }

    public EdgeConfig config() {
        return config.get();
    }

    public Outbox outbox() {
        return outbox;
    }

    public MqttUplink uplink() {
        return uplink;
    }

    public AlertPipeline pipeline() {
        return pipeline;
    }

    public ConfigReloader reloader() {
        return reloader;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public HealthAssembler health() {
        return health;
    }

    /** The HJ 212 server, when any station is configured. */
    public Optional<Hj212Server> hj212() {
        return Optional.ofNullable(listeners.contains(hj212) ? hj212 : null);
    }

    /** The SL 651 server, when any station is configured. */
    public Optional<Sl651Server> sl651() {
        return Optional.ofNullable(listeners.contains(sl651) ? sl651 : null);
    }

    /** Drone photo ingest, when any drone is configured. */
    public Optional<DroneIngest> drones() {
        return Optional.ofNullable(listeners.contains(drones) ? drones : null);
    }

    /** The time-series writer, when one is configured. */
    public Optional<InfluxWriter> timeseries() {
        return Optional.ofNullable(timeseries);
    }

    /** What the center's commands may ask of this gateway (apply a config, re-check a device). */
    public GatewayControl control() {
        return control;
    }

    public DeviceRegistry devices() {
        return devices;
    }

    public List<Source> sources() {
        return List.copyOf(sources);
    }

    /** Stops everything in reverse order of opening; a part that fails to close does not keep the others open. */
    @Override
    public void close() {
        parts.close();
        LOG.info("gateway stopped; {} alerts wait in the outbox for the next start", outbox.stats().depth());
    }
}
