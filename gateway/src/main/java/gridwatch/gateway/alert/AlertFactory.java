package gridwatch.gateway.alert;

import gridwatch.config.model.CategoryConfig;
import gridwatch.config.model.DeviceConfig;
import gridwatch.config.model.EdgeConfig;
import gridwatch.config.model.GridCell;
import gridwatch.config.model.ZoneConfig;
import gridwatch.detectors.core.Finding;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Dresses a finding as an alert: category from the center's dictionary, device, location and
 * grid cell from the box config. Reads the current config on every call, so a reload applies
 * to the next alert.
 */
public final class AlertFactory {

    private final Supplier<EdgeConfig> config;
    private final Supplier<UUID> ids;
    private final Clock clock;

    public AlertFactory(Supplier<EdgeConfig> config, Supplier<UUID> ids, Clock clock) {
        this.config = config;
        this.ids = ids;
        this.clock = clock;
    }

    public Alert create(Finding f, LifecycleStep step) {
        EdgeConfig c = config.get();
        CategoryConfig cat = c.categories().get(f.alertType());
        if (cat == null) {
            // The loader refuses configs whose rules name unmapped types; this is a programming error.
            throw new IllegalStateException("alert type " + f.alertType() + " has no category");
        }
        DeviceConfig d = c.device(f.deviceId()).orElse(null);
        String zoneId = f.zoneId() != null ? f.zoneId() : d == null ? null : d.zone();
        GridCell cell = zoneId == null ? null : c.zone(zoneId).map(ZoneConfig::gridCell).orElse(null);
        DeviceRef device = new DeviceRef(f.deviceId(), d == null ? null : d.name(), d == null ? null : d.profile());
        var location = d != null && d.location() != null ? d.location() : c.site().location();
        return new Alert(ids.get(), step.incidentId(), step.revision(), c.gateway().id(), f.alertType(),
                new Category(cat.code(), cat.nameZh(), cat.caseType(), cat.scheme()), f.severity(), step.lifecycle(),
                f.ruleId(), device, location, zoneId, cell, f.observedAt(), step.startedAt(), clock.instant(),
                f.summary(), f.measurements(), f.evidence());
    }
}
