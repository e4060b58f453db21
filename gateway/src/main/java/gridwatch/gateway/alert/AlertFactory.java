package gridwatch.gateway.alert;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.GridCell;
import gridwatch.config.model.RuleConfig;
import gridwatch.config.model.ZoneConfig;
import gridwatch.detectors.core.DeferredEvidence;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.ImageEncoding;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Dresses a finding as an alert: category from the center's dictionary, device, location and grid cell from the box
 * config. One factory is one config: a reload builds a new factory ({@link #withConfig}) beside the rules it goes
 * with, and the pipeline swaps both in the same step, so an alert never pairs a new category with an old threshold.
 * Immutable; made off to the side on the pipeline thread and used there.
 */
public final class AlertFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFactory.class);

    private final EdgeConfig config;
    private final Map<String, Category> categories;
    private final Supplier<UUID> ids;
    private final Clock clock;
    private final MessageFit fit;
    /** The config's devices and zones by id (the first of an id, as the config's own lookups answer): asked per alert. */
    private final Map<String, DeviceConfig> devices;
    private final Map<String, ZoneConfig> zones;

    /** @throws IllegalArgumentException when a rule or a health alert raises a type the categories do not map */
    public AlertFactory(EdgeConfig config, Supplier<UUID> ids, Clock clock) {
        this(config, ids, clock, new MessageFit(config.uplink()));
    }

    private AlertFactory(EdgeConfig config, Supplier<UUID> ids, Clock clock, MessageFit fit) {
        this.config = config;
        this.ids = ids;
        this.clock = clock;
        this.fit = fit;
        Map<String, Category> view = new HashMap<>();
        config.categories().forEach((type, c) -> view.put(type, new Category(c.code(), c.nameZh(), c.caseType(), c.scheme())));
        this.categories = Map.copyOf(view);
        Map<String, DeviceConfig> byDevice = new HashMap<>();
        config.devices().forEach(d -> byDevice.putIfAbsent(d.id(), d));
        this.devices = Map.copyOf(byDevice);
        Map<String, ZoneConfig> byZone = new HashMap<>();
        config.zones().forEach(z -> byZone.putIfAbsent(z.id(), z));
        this.zones = Map.copyOf(byZone);
        for (RuleConfig r : config.rules()) {
            requireCategory(r.alertType(), "rule " + r.id());
        }
        if (config.health().offlineAlertType() != null) {
            requireCategory(config.health().offlineAlertType(), "health.offlineAlertType");
        }
        if (config.health().faultAlertType() != null) {
            requireCategory(config.health().faultAlertType(), "health.faultAlertType");
        }
    }

    private void requireCategory(String alertType, String where) {
        if (!categories.containsKey(alertType)) {
            throw new IllegalArgumentException(where + ": alert type '" + alertType + "' has no entry in categories");
        }
    }

    /** Whether alerts of this type can be made: the center's dictionary in this config maps it. */
    public boolean maps(String alertType) {
        return categories.containsKey(alertType);
    }

    /**
     * A factory for another config, with the same ids and clock; this one is unchanged. The message bound and picture
     * settings stay those of the start: like the rest of {@code uplink}, they take effect at the next start.
     */
    public AlertFactory withConfig(EdgeConfig next) {
        return new AlertFactory(next, ids, clock, fit);
    }

    /**
     * The alert for a step, encoded by {@code encode} and kept within the message bound ({@link MessageFit}): what goes
     * into the outbox. Pipeline thread.
     */
    public AlertMessage message(Finding f, LifecycleStep step, Function<Alert, byte[]> encode) {
        Alert alert = create(f, step);
        List<@Nullable DeferredEvidence> sources = new ArrayList<@Nullable DeferredEvidence>();
        for (int i = 0; i < f.evidence().size(); i++) {
            sources.add(null);   // made already: nothing to render smaller
        }
        sources.addAll(f.deferredEvidence());
        return fit.fit(alert, sources, encode);
    }

    /**
     * The alert for a step the tracker decided to emit. Renders the finding's deferred evidence (a camera's
     * snapshot, encoded as {@code uplink.snapshots} says), so only alerts actually sent cost a JPEG: tens of
     * milliseconds on the calling (pipeline) thread.
     */
    public Alert create(Finding f, LifecycleStep step) {
        Category category = categories.get(f.alertType());
        if (category == null) {
            // The loader refuses configs whose rules and cameras name unmapped types; this is a programming error.
            throw new IllegalStateException("alert type " + f.alertType() + " has no category");
        }
        DeviceConfig d = devices.get(f.deviceId());
        String zoneId = f.zoneId() != null ? f.zoneId() : d == null ? null : d.zone();
        ZoneConfig zone = zoneId == null ? null : zones.get(zoneId);
        GridCell cell = zone == null ? null : zone.gridCell();
        // A located finding (a drone photo's object) names the cell it is in, which beats the device zone's.
        var ground = f.subject().location();
        if (ground != null && ground.gridCell() != null) {
            cell = new GridCell(ground.gridCell().code(), ground.gridCell().name());
        }
        DeviceRef device = new DeviceRef(f.deviceId(), d == null ? null : d.name(), d == null ? null : d.profile());
        var location = d != null && d.location() != null ? d.location() : config.site().location();
        return new Alert(ids.get(), step.incidentId(), step.revision(), config.gateway().id(), f.alertType(),
                category, f.severity(), step.lifecycle(), step.endReason(), f.ruleId(), device, location, zoneId, cell,
                f.subject().location(), f.subject().objectKey(), f.observedAt(),
                step.startedAt(), clock.instant(), f.summary(), f.measurements(), render(f));
    }

    private List<Evidence> render(Finding f) {
        if (f.deferredEvidence().isEmpty()) {
            return f.evidence();
        }
        List<Evidence> all = new ArrayList<>(f.evidence());
        for (DeferredEvidence d : f.deferredEvidence()) {
            all.add(render(d, fit.encoding()));
        }
        return all;
    }

    /** Encoded as the box asks; as made when that fails (a picture it cannot re-encode), so the alert keeps it. */
    private static Evidence render(DeferredEvidence d, ImageEncoding encoding) {
        if (encoding.equals(ImageEncoding.AS_DRAWN)) {
            return d.render();
        }
        try {
            return d.render(encoding);
        } catch (RuntimeException e) {
            LOG.warn("evidence could not be re-encoded at {} ({}); sent as made", encoding, e.toString());
            return d.render();
        }
    }
}
