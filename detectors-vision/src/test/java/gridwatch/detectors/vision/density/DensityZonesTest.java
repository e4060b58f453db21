package gridwatch.detectors.vision.density;

import gridwatch.detectors.vision.zone.ImageZone;
import gridwatch.detectors.vision.zone.NormalizedPolygon;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Per-zone sums of a density map, and the hybrid count made of them: pure arithmetic on hand-made maps. */
class DensityZonesTest {

    private static NormalizedPolygon rect(double x1, double y1, double x2, double y2) {
        return new NormalizedPolygon(List.of(new double[] {x1, y1}, new double[] {x2, y1}, new double[] {x2, y2}, new double[] {x1, y2}));
    }

    /** A map of {@code w × h} cells, each holding {@code v} people. */
    private static DensityMap uniform(int w, int h, float v) {
        float[] c = new float[w * h];
        Arrays.fill(c, v);
        return new DensityMap(c, w, h);
    }

    @Test
    void aZoneCountsTheCellsOnItsGroundAndNotThoseUnderItsExcludeMask() {
        ImageZone left = new ImageZone("left", "z", rect(0, 0, 0.5, 1), List.of(), null);
        // The left half minus its upper half: a billboard's reflection, say.
        ImageZone masked = new ImageZone("masked", "z", rect(0, 0, 0.5, 1), List.of(rect(0, 0, 0.5, 0.5)), null);
        ImageZone all = new ImageZone("all", "z", NormalizedPolygon.wholeFrame(), List.of(), null);
        Map<String, ZoneDensity> s = new DensityZones(List.of(left, masked, all)).sum(uniform(40, 20, 0.5f));
        assertThat(s.get("all").people()).isCloseTo(400, within(1e-6));
        assertThat(s.get("all").share()).isCloseTo(1.0, within(1e-9));
        assertThat(s.get("left").people()).isCloseTo(200, within(1e-6));
        assertThat(s.get("left").share()).isCloseTo(0.5, within(1e-9));
        assertThat(s.get("masked").people()).isCloseTo(100, within(1e-6));
        assertThat(s.get("masked").share()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void peopleInOneCornerCountOnlyInTheZoneOverThatCorner() {
        float[] c = new float[10 * 10];
        c[9 * 10 + 9] = 30; // bottom right cell
        ImageZone corner = new ImageZone("corner", "z", rect(0.8, 0.8, 1, 1), List.of(), null);
        ImageZone rest = new ImageZone("rest", "z", rect(0, 0, 0.8, 0.8), List.of(), null);
        Map<String, ZoneDensity> s = new DensityZones(List.of(corner, rest)).sum(new DensityMap(c, 10, 10));
        assertThat(s.get("corner").people()).isEqualTo(30);
        assertThat(s.get("rest").people()).isZero();
    }

    private static DensityView view(ImageZone zone, double people, double share, double switchOver, double noiseFloor) {
        DensityReading r = new DensityReading(Instant.EPOCH, uniform(4, 4, 0), Map.of(zone.id(), new ZoneDensity(people, share)), Duration.ZERO);
        return new DensityView(r, new DensitySettings(960, Duration.ofSeconds(5), switchOver, noiseFloor));
    }

    @Test
    void belowTheSwitchOverTheDetectorCountsAndFromItTheDensityCountDoes() {
        ImageZone z = new ImageZone("z", "z", NormalizedPolygon.wholeFrame(), List.of(), null);
        // A footpath: 7 tracked people, the model sees 6 (under its noise floor of 8): the detector's 7.
        assertThat(view(z, 6, 1, 25, 8).count(z, 7)).isEqualTo(new ZoneCount.Hybrid(7, 6, 0, false, 7));
        // An empty road with phantoms: 0 people, not 9.
        assertThat(view(z, 9, 1, 25, 8).count(z, 0).people()).isZero();
        // A square of hundreds the detector sees 12 of: the density count, less the noise floor.
        ZoneCount dense = view(z, 408, 1, 25, 8).count(z, 12);
        assertThat(dense).isEqualTo(new ZoneCount.Hybrid(12, 408, 400, true, 400));
        // Dense, but the detector sees more than the model: the higher count.
        assertThat(view(z, 40, 1, 25, 8).count(z, 45).people()).isEqualTo(45);
    }

    @Test
    void aSmallZoneTakesOnlyItsShareOfThePicturesNoiseFloor() {
        ImageZone z = new ImageZone("z", "z", NormalizedPolygon.wholeFrame(), List.of(), null);
        // A quarter of the picture: 2 of the 8 phantom people are its own.
        ZoneCount.Hybrid h = (ZoneCount.Hybrid) view(z, 30, 0.25, 25, 8).count(z, 3);
        assertThat(h.density()).isCloseTo(28, within(1e-9));
        assertThat(h.dense()).isTrue();
        assertThat(h.people()).isEqualTo(28);
    }

    @Test
    void aReadingIsUsedForFourPeriodsAndAtLeastHalfAMinute() {
        assertThat(new DensitySettings(960, Duration.ofSeconds(10), 25, 8).staleAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(new DensitySettings(960, Duration.ofSeconds(5), 25, 8).staleAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theSamplerGivesTheRulesNoReadingOnceItIsStale() {
        ImageZone z = new ImageZone("z", "z", NormalizedPolygon.wholeFrame(), List.of(), null);
        DensityCounter fixed = new DensityCounter() {
            @Override
            public DensityInput prepare(org.bytedeco.opencv.opencv_core.Mat image, int inputWidth) {
                return new DensityInput(new float[16], 1, 4, 4, 4, 4);
            }

            @Override
            public DensityMap estimate(DensityInput input) {
                return uniform(2, 2, 10);
            }

            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public void close() {
            }
        };
        DensitySampler sampler = new DensitySampler("cam", fixed, new DensitySettings(960, Duration.ofSeconds(5), 25, 8), List.of(z), Runnable::run);
        Instant t0 = Instant.parse("2026-11-20T02:00:00Z");
        try (org.bytedeco.opencv.opencv_core.Mat frame = new org.bytedeco.opencv.opencv_core.Mat()) {
            sampler.offer(frame, t0);
            sampler.offer(frame, t0.plusSeconds(2)); // within the period: not estimated again
        }
        assertThat(sampler.estimates()).isEqualTo(1);
        assertThat(sampler.view(t0.plusSeconds(30))).isNotNull().satisfies(v -> assertThat(v.count(z, 3).people()).isEqualTo(32));
        assertThat(sampler.view(t0.plusSeconds(31))).isNull();
    }
}
