package gridwatch.detectors.vision.scene;

import gridwatch.detectors.vision.zone.ImageZone;

/** A scene rule watching one image zone: holds its spec and answers for its id and zone. */
public abstract class ZoneRule<S extends ZoneRuleSpec> implements SceneRule {

    protected final S spec;

    protected ZoneRule(S spec) {
        this.spec = spec;
    }

    @Override
    public final String ruleId() {
        return spec.ruleId();
    }

    @Override
    public final ImageZone zone() {
        return spec.zone();
    }
}
