package gridwatch.detectors.vision.zone;

import gridwatch.detectors.vision.Box;
import gridwatch.detectors.vision.Detection;
import gridwatch.detectors.vision.Nms;
import gridwatch.detectors.vision.track.IouTracker;
import gridwatch.detectors.vision.track.Track;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Zones, exit lines, NMS and the tracker on hand-made boxes whose answers are known. */
class GeometryTest {

    private static final NormalizedPolygon SQUARE = new NormalizedPolygon(List.of(
            new double[] {0.25, 0.25}, new double[] {0.75, 0.25}, new double[] {0.75, 0.75}, new double[] {0.25, 0.75}));

    @Test
    void aZoneCountsWhereAPersonStandsNotWhereTheirHeadIs() {
        ImageZone z = new ImageZone("z", "g", SQUARE, List.of(), null);
        // Head inside, feet below the zone: outside. Feet inside: inside. 1000x1000 picture.
        assertThat(z.contains(new Box(480, 500, 520, 800), 1000, 1000)).isFalse();
        assertThat(z.contains(new Box(480, 400, 520, 700), 1000, 1000)).isTrue();
        assertThat(SQUARE.area()).isEqualTo(0.25);
    }

    @Test
    void anExcludeMaskRemovesItsPartOfTheZone() {
        NormalizedPolygon mask = new NormalizedPolygon(List.of(new double[] {0.5, 0.5}, new double[] {0.75, 0.5}, new double[] {0.75, 0.75}, new double[] {0.5, 0.75}));
        ImageZone z = new ImageZone("z", "g", SQUARE, List.of(mask), null);
        assertThat(z.contains(new Box(580, 500, 620, 700), 1000, 1000)).isFalse();
        assertThat(z.contains(new Box(280, 500, 320, 700), 1000, 1000)).isTrue();
    }

    @Test
    void crossingAnExitLineHasADirection() {
        // A horizontal exit at y = 0.5, A on the left, B on the right: the site is above (left of A→B).
        CountingLine exit = new CountingLine("exit", "g", 0.1, 0.5, 0.9, 0.5);
        Box above = new Box(400, 300, 500, 450);
        Box below = new Box(400, 460, 500, 600);
        assertThat(exit.crossed(above, below, 1000, 1000)).isEqualTo(CountingLine.Direction.OUT);
        assertThat(exit.crossed(below, above, 1000, 1000)).isEqualTo(CountingLine.Direction.IN);
        assertThat(exit.crossed(above, above, 1000, 1000)).isNull();
        // Past the end of the segment: no crossing.
        assertThat(exit.crossed(new Box(930, 300, 990, 450), new Box(930, 460, 990, 600), 1000, 1000)).isNull();
    }

    @Test
    void nmsKeepsTheBestOfOverlappingBoxesPerClassOnly() {
        Detection a = new Detection(0, "person", 0.9f, new Box(0, 0, 100, 100));
        Detection b = new Detection(0, "person", 0.8f, new Box(5, 5, 105, 105));
        Detection c = new Detection(2, "car", 0.7f, new Box(5, 5, 105, 105));
        Detection d = new Detection(0, "person", 0.6f, new Box(300, 300, 400, 400));
        assertThat(Nms.classAware(List.of(b, c, a, d), 0.45f, 100)).containsExactly(a, c, d);
    }

    @Test
    void aWalkerKeepsTheirTrackIdAcrossFramesAndTracksAreNeverReused() {
        IouTracker t = new IouTracker(IouTracker.Settings.defaults());
        Instant t0 = Instant.parse("2026-11-20T02:00:00Z");
        long id = -1;
        for (int i = 0; i < 5; i++) {
            // 40 px wide, moving 30 px per frame: IoU with the last box is low at 1 frame/s.
            List<Track> seen = t.update(List.of(new Detection(0, "person", 0.8f, new Box(100 + 30 * i, 100, 140 + 30 * i, 200))), t0.plusSeconds(i));
            assertThat(seen).hasSize(1);
            if (i == 0) {
                id = seen.getFirst().id();
            }
            assertThat(seen.getFirst().id()).isEqualTo(id);
            assertThat(seen.getFirst().confirmed()).isEqualTo(i >= 1);
        }
        // Gone for longer than maxAge, then someone appears at the same place: a new id.
        t.update(List.of(), t0.plusSeconds(10));
        List<Track> later = t.update(List.of(new Detection(0, "person", 0.8f, new Box(220, 100, 260, 200))), t0.plusSeconds(11));
        assertThat(later.getFirst().id()).isNotEqualTo(id);
    }

    @Test
    void aHalfHiddenPersonWithALowScoreContinuesTheirTrack() {
        IouTracker t = new IouTracker(IouTracker.Settings.defaults());
        Instant t0 = Instant.parse("2026-11-20T02:00:00Z");
        long id = t.update(List.of(new Detection(0, "person", 0.8f, new Box(100, 100, 140, 200))), t0).getFirst().id();
        List<Track> seen = t.update(List.of(new Detection(0, "person", 0.3f, new Box(102, 100, 142, 200))), t0.plusSeconds(1));
        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().id()).isEqualTo(id);
        // A weak detection on its own never starts a track.
        assertThat(t.update(List.of(new Detection(0, "person", 0.3f, new Box(600, 100, 640, 200))), t0.plusSeconds(2))).isEmpty();
    }

    @Test
    void dwellCountsFromEntryAndLinesCountCrossingsByDirection() {
        ImageZone z = new ImageZone("z", "g", SQUARE, List.of(), null);
        CountingLine exit = new CountingLine("exit", "g", 0.1, 0.8, 0.9, 0.8);
        gridwatch.detectors.vision.track.ZoneDwell dwell = new gridwatch.detectors.vision.track.ZoneDwell(List.of(z), List.of(exit));
        IouTracker t = new IouTracker(IouTracker.Settings.defaults());
        Instant t0 = Instant.parse("2026-11-20T02:00:00Z");
        var s0 = dwell.update(t.update(List.of(new Detection(0, "person", 0.8f, new Box(480, 100, 520, 200))), t0), t0, 1000, 1000);
        assertThat(s0.get("z").tracks()).isZero(); // feet at y 0.20: above the zone
        var s1 = dwell.update(t.update(List.of(new Detection(0, "person", 0.8f, new Box(480, 300, 520, 400))), t0.plusSeconds(1)), t0.plusSeconds(1), 1000, 1000);
        var s2 = dwell.update(t.update(List.of(new Detection(0, "person", 0.8f, new Box(482, 320, 522, 420))), t0.plusSeconds(5)), t0.plusSeconds(5), 1000, 1000);
        assertThat(s1.get("z").tracks()).isEqualTo(1);
        assertThat(s2.get("z").maxDwellSeconds()).isEqualTo(4.0);
        // Down across the exit line (the site above it): one out.
        dwell.update(t.update(List.of(new Detection(0, "person", 0.8f, new Box(482, 400, 522, 780))), t0.plusSeconds(6)), t0.plusSeconds(6), 1000, 1000);
        dwell.update(t.update(List.of(new Detection(0, "person", 0.8f, new Box(482, 450, 522, 850))), t0.plusSeconds(7)), t0.plusSeconds(7), 1000, 1000);
        assertThat(dwell.crossings().get("exit")).containsExactly(0, 1);
    }
}
