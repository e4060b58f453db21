package gridwatch.drone.detect;

import gridwatch.detectors.vision.ClassMap;
import gridwatch.detectors.vision.ModelSpec;
import gridwatch.detectors.vision.yolox.YoloxDetector;
import gridwatch.drone.TestPhotos;
import gridwatch.drone.TestSettings;
import gridwatch.drone.patrol.PatrolYawCheck;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.photo.PhotoAnalyzer;
import gridwatch.geo.earth.Wgs84;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The box's YOLOX-nano (COCO) on the shared Brighton photos: the car parked at the lot is found in both overlapping
 * photos (0026, re-saved and settled against 0032, and 0032), both sightings land within their combined uncertainty,
 * and the matcher makes them one object. The tile plan follows the ground resolution.
 */
@Tag("models")
class PatrolDetectionTest {

    static final DetectionSettings SETTINGS = new DetectionSettings(List.of(
            new ObjectGroup("vehicles", Set.of("car", "truck", "bus"), 4.5, 140, 0.3f),
            new ObjectGroup("people", Set.of("person"), 0.6, 24, 0.3f)), 0.25, 3, 0.45f);

    static YoloxDetector model() {
        Path m = Path.of(System.getProperty("gridwatch.shared", "../../shared")).resolve("models/yolox_nano.onnx").toAbsolutePath().normalize();
        return new YoloxDetector(new ModelSpec(m, "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14", 416, ClassMap.COCO, 0.3f, 0.45f, 2));
    }

    @Test
    void theParkedCarSeenInTwoOverlappingPhotosIsOneObject() throws Exception {
        PhotoAnalyzer analyzer = new PhotoAnalyzer(TestSettings.brighton(false));
        List<AnalyzedPhoto> patrol = PatrolYawCheck.DEFAULT.judge(List.of(analyzer.analyze(TestPhotos.brighton(26)),
                analyzer.analyze(TestPhotos.brighton(32))));
        try (YoloxDetector model = model()) {
            PhotoDetector detector = new PhotoDetector(model, 416, SETTINGS);
            PhotoDetections first = detector.detect(patrol.get(0));
            PhotoDetections second = detector.detect(patrol.get(1));
            List<GroundDetection> cars0026 = first.found().stream().filter(d -> d.group().equals("vehicles")).toList();
            List<GroundDetection> cars0032 = second.found().stream().filter(d -> d.group().equals("vehicles")).toList();
            assertThat(cars0026).isNotEmpty().allSatisfy(d -> assertThat(d.ground()).isNotNull());
            assertThat(cars0032).isNotEmpty().allSatisfy(d -> assertThat(d.ground()).isNotNull());
            assertThat(first.tiles()).isGreaterThan(10);

            List<KnownObject> known = cars0026.stream().map(d -> new KnownObject("p/0026-" + cars0026.indexOf(d), d.group(),
                    d.ground().position(), d.ground().uncertaintyM())).toList();
            Map<Integer, KnownObject> matched = SightingMatcher.match(cars0032, known);
            assertThat(matched).as("0032's car is a car 0026 already showed").isNotEmpty();
            matched.forEach((i, k) -> assertThat(Wgs84.distanceM(cars0032.get(i).ground().position(), k.position()))
                    .isLessThan(Math.hypot(cars0032.get(i).ground().uncertaintyM(), k.uncertaintyM())));
            // The same detections seen as people are not the cars: groups never match each other.
            List<KnownObject> asPeople = known.stream().map(k -> new KnownObject(k.key(), "people", k.position(), k.uncertaintyM())).toList();
            assertThat(SightingMatcher.match(cars0032, asPeople)).isEmpty();
        }
    }

    @Test
    void theTilesFollowTheGroundResolution() {
        // The 4000-px original at 1.70 cm/px: cars are brought to 140 px per 4.5 m (scale 0.53), people to 24 px per 0.6 m (0.68).
        TilePlan full = TilePlan.of(SETTINGS, 4000, 2250, 1.70, 416);
        assertThat(full.skipped()).isEmpty();
        assertThat(full.passes()).extracting(TilePlan.Pass::scale).satisfiesExactly(
                s -> assertThat(s).isCloseTo(0.68, org.assertj.core.data.Offset.offset(0.01)),
                s -> assertThat(s).isCloseTo(0.53, org.assertj.core.data.Offset.offset(0.01)));
        for (TilePlan.Pass p : full.passes()) {
            // Tiles cover the scaled photo, overlapping by a quarter, the last ones flush with the edges.
            assertThat(p.tiles()).allSatisfy(t -> assertThat(t[0] + 416).isLessThanOrEqualTo(p.width()));
            assertThat(p.tiles()).anySatisfy(t -> assertThat(t[0] + 416).isEqualTo(p.width()));
            assertThat(p.tiles()).anySatisfy(t -> assertThat(t[1] + 416).isEqualTo(p.height()));
        }
        // At 6.87 cm/px a person spans 8.7 px: 24 px would need 2.75× enlargement, allowed up to 3 but not up to 2.
        TilePlan coarse = TilePlan.of(SETTINGS.withGroups(SETTINGS.groups()), 1000, 563, 6.87, 416);
        assertThat(coarse.passes()).hasSize(2);
        TilePlan strict = TilePlan.of(new DetectionSettings(SETTINGS.groups(), 0.25, 2, 0.45f), 1000, 563, 6.87, 416);
        assertThat(strict.passes()).isEmpty();
        assertThat(strict.skipped()).satisfiesExactlyInAnyOrder(
                s -> assertThat(s).startsWith("vehicles: 4.5 m spans 65.5 px at 6.87 cm/px; the model needs 140 px"),
                s -> assertThat(s).startsWith("people: 0.6 m spans 8.7 px at 6.87 cm/px; the model needs 24 px"));
    }
}
