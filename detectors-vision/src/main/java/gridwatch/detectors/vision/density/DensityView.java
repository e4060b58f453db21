package gridwatch.detectors.vision.density;

import gridwatch.detectors.vision.zone.ImageZone;
import org.jspecify.annotations.Nullable;

/**
 * What the rules of one frame see of density: the camera's latest reading (recent enough to use) and
 * how to combine it with the detector.
 */
public record DensityView(DensityReading reading, DensitySettings settings) {

    /**
     * The hybrid count of {@code zone}: the density count, after the zone's share of the noise floor, when
     * it reaches the switch-over (a crowd the detector cannot resolve; the detector's count if that is
     * higher still); otherwise the detector's tracked people (sparse scenes, where the detector is exact
     * and the density model's phantoms and misses matter most).
     */
    public ZoneCount count(ImageZone zone, int detector) {
        @Nullable ZoneDensity d = reading.zones().get(zone.id());
        if (d == null) {
            return new ZoneCount.DetectorOnly(detector);
        }
        double net = Math.max(0, d.people() - settings.noiseFloor() * d.share());
        boolean dense = net >= settings.switchOver();
        int people = dense ? Math.max(detector, (int) Math.round(net)) : detector;
        return new ZoneCount.Hybrid(detector, d.people(), net, dense, people);
    }
}
