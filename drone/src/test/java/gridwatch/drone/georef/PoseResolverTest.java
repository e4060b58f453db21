package gridwatch.drone.georef;

import gridwatch.drone.TestPhotos;
import gridwatch.drone.metadata.Attitude;
import gridwatch.drone.metadata.PhotoMetadata;
import gridwatch.drone.metadata.PhotoMetadataReader;
import gridwatch.drone.quality.PhotoWarning;
import gridwatch.geo.earth.LatLon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pose checks on a real photo's metadata (DJI_0030, untouched, nadir) with one tag taken away
 * or changed at a time: each missing value is a warning that blocks the location, never a default.
 */
class PoseResolverTest {

    private final PoseResolver resolver = new PoseResolver(null, -30);
    private PhotoMetadata m;

    @BeforeEach
    void read() throws Exception {
        m = new PhotoMetadataReader(ZoneId.of("America/Chicago")).read(TestPhotos.brighton(30));
    }

    @Test
    void theUntouchedPhotoIsLocatedWithTheGimbalsAttitude() {
        CameraPose pose = located(resolver.resolve(m, false));
        assertThat(pose.position()).isEqualTo(m.position());
        assertThat(pose.yawDeg()).isEqualTo(44.2);
        assertThat(pose.yawSource()).isEqualTo(CameraPose.YawSource.GIMBAL);
        assertThat(pose.pitchDeg()).isEqualTo(m.gimbal().pitchDeg());
        assertThat(pose.yawTrust()).isEqualTo(CameraPose.YawTrust.AS_RECORDED);
    }

    @Test
    void noPositionIsAWarningAndNoLocation() {
        assertThat(reasons(resolver.resolve(copy(m, null, m.gimbal(), m.flight(), 1), false)))
                .singleElement().isInstanceOf(PhotoWarning.NoPosition.class);
    }

    @Test
    void noGimbalPitchIsAWarningNamingItAndNoLocation() {
        Attitude g = m.gimbal();
        List<PhotoWarning> reasons = reasons(resolver.resolve(copy(m, m.position(), new Attitude(g.yawDeg(), null, g.rollDeg()), m.flight(), 1), false));
        assertThat(reasons).singleElement().isInstanceOfSatisfying(PhotoWarning.NoAttitude.class,
                w -> assertThat(w.missing()).containsExactly("GimbalPitchDegree"));
    }

    @Test
    void noYawAtAllIsAWarningButTheAircraftsYawStandsInForTheGimbals() {
        Attitude g = m.gimbal();
        Attitude noGimbalYaw = new Attitude(null, g.pitchDeg(), g.rollDeg());
        CameraPose flight = located(resolver.resolve(copy(m, m.position(), noGimbalYaw, m.flight(), 1), false));
        assertThat(flight.yawSource()).isEqualTo(CameraPose.YawSource.FLIGHT);
        assertThat(flight.yawDeg()).isEqualTo(m.flight().yawDeg());

        List<PhotoWarning> reasons = reasons(resolver.resolve(copy(m, m.position(), noGimbalYaw, Attitude.NONE, 1), false));
        assertThat(reasons).singleElement().isInstanceOfSatisfying(PhotoWarning.NoAttitude.class,
                w -> assertThat(w.missing()).containsExactly("GimbalYawDegree/FlightYawDegree"));
    }

    @Test
    void everyMissingValueIsNamedAtOnce() {
        Attitude bare = new Attitude(null, null, null);
        List<PhotoWarning> reasons = reasons(resolver.resolve(copy(m, null, bare, Attitude.NONE, 6), false));
        assertThat(reasons).extracting(PhotoWarning::code).containsExactly("NO_POSITION", "NO_ATTITUDE", "ORIENTATION_TAG");
        assertThat(((PhotoWarning.NoAttitude) reasons.get(1)).missing())
                .containsExactly("GimbalPitchDegree", "GimbalRollDegree", "GimbalYawDegree/FlightYawDegree");
        assertThat(reasons).allMatch(PhotoWarning::blocksLocation);
    }

    @Test
    void aFlatPitchIsTooObliqueToLocate() {
        Attitude g = m.gimbal();
        List<PhotoWarning> reasons = reasons(resolver.resolve(copy(m, m.position(), new Attitude(g.yawDeg(), -20.0, g.rollDeg()), m.flight(), 1), false));
        assertThat(reasons).singleElement().isInstanceOfSatisfying(PhotoWarning.TooOblique.class,
                w -> assertThat(w.pitchDeg()).isEqualTo(-20.0));
    }

    @Test
    void aPhotoWithoutALocationAlwaysSaysWhy() {
        assertThatThrownBy(() -> new PoseResult.NotLocated(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static CameraPose located(PoseResult r) {
        assertThat(r).isInstanceOf(PoseResult.Located.class);
        return ((PoseResult.Located) r).pose();
    }

    private static List<PhotoWarning> reasons(PoseResult r) {
        assertThat(r).isInstanceOf(PoseResult.NotLocated.class);
        return ((PoseResult.NotLocated) r).reasons();
    }

    private static PhotoMetadata copy(PhotoMetadata m, LatLon position, Attitude gimbal, Attitude flight, int orientation) {
        return new PhotoMetadata(m.file(), m.size(), m.make(), m.model(), orientation, position, m.altitudes(), gimbal, flight,
                m.focalLengthMm(), m.focalLength35mm(), m.captured(), m.edits(), m.djiXmp(), m.gpsXyAccuracyM(), m.problems());
    }
}
