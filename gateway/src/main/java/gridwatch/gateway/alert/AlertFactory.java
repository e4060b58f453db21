package gridwatch.gateway.alert;

import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.GridCell;
import gridwatch.config.model.RuleConfig;
import gridwatch.config.model.ZoneConfig;
import gridwatch.detectors.core.Finding;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Dresses a finding as an alert: category from the center's dictionary, device, location and grid cell from the box
 * config. One factory is one config: a reload builds a new factory ({@link #withConfig}) beside the rules it goes
 * with, and the pipeline swaps both in the same step, so an alert never pairs a new category with an old threshold.
 * Immutable; made off to the side on the pipeline thread and used there.
 */
public final class AlertFactory {

    private final EdgeConfig config;
    private final Map<String, Category> categories;
    private final Supplier<UUID> ids;
    private final Clock clock;

    /** @throws IllegalArgumentException when a rule or a health alert raises a type the categories do not map */
    public AlertFactory(EdgeConfig config, Supplier<UUID> ids, Clock clock) {
        this.config = config;
        this.ids = ids;
        this.clock = clock;
        Map<String, Category> view = new HashMap<>();
        config.categories().forEach((type, c) -> view.put(type, new Category(c.code(), c.nameZh(), c.caseType(), c.scheme())));
        this.categories = Map.copyOf(view);
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

    /** A factory for another config, with the same ids and clock; this one is unchanged. */
    public AlertFactory withConfig(EdgeConfig next) {
        return new AlertFactory(next, ids, clock);
    }

    /**
     * The alert for a step the tracker decided to emit. Renders the finding's deferred evidence (a camera's
     * snapshot), so only alerts actually sent cost a JPEG: tens of milliseconds on the calling (pipeline) thread.
     */
    public Alert create(Finding f, LifecycleStep step) {
        Category category = categories.get(f.alertType());
        if (category == null) {
            // The loader refuses configs whose rules and cameras name unmapped types; this is a programming error.
            throw new IllegalStateException("alert type " + f.alertType() + " has no category");
        }
        DeviceConfig d = config.device(f.deviceId()).orElse(null);
        String zoneId = f.zoneId() != null ? f.zoneId() : d == null ? null : d.zone();
        GridCell cell = zoneId == null ? null : config.zone(zoneId).map(ZoneConfig::gridCell).orElse(null);
        DeviceRef device = new DeviceRef(f.deviceId(), d == null ? null : d.name(), d == null ? null : d.profile());
        var location = d != null && d.location() != null ? d.location() : config.site().location();
        return new Alert(ids.get(), step.incidentId(), step.revision(), config.gateway().id(), f.alertType(),
                category, f.severity(), step.lifecycle(), step.endReason(), f.ruleId(), device, location, zoneId, cell,
                f.subject().location(), f.subject().objectKey(), f.observedAt(),
                step.startedAt(), clock.instant(), f.summary(), f.measurements(), f.renderedEvidence());
    }
}
