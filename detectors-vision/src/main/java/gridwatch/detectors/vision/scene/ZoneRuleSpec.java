package gridwatch.detectors.vision.scene;

import gridwatch.detectors.vision.zone.ImageZone;

/** What every rule over one image zone is configured with: its id and its zone. */
public interface ZoneRuleSpec {

    String ruleId();

    ImageZone zone();
}
