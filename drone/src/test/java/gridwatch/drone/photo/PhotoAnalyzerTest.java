package gridwatch.drone.photo;

import gridwatch.drone.TestPhotos;
import gridwatch.drone.TestSettings;
import gridwatch.drone.georef.CameraPose;
import gridwatch.drone.georef.GroundPoint;
import gridwatch.drone.quality.PhotoWarning;
import gridwatch.geo.earth.LatLon;
import gridwatch.geo.earth.Wgs84;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PhotoAnalyzerTest {

    private final PhotoAnalyzer analyzer = new PhotoAnalyzer(TestSettings.brighton(false));

    /**
     * Fixture B (design note §4): one picnic table in two photos, hand-picked pixels. Each photo puts
     * it within 0.1 m of the note's figure (f = 583.5 px, h = 40.1 m, ψ = 44.2° / 42.0°; the note used
     * the nadir pinhole, we the ray with the recorded −89.9° pitch), and the two within 5 m of each other.
     */
    @Test
    void thePicnicTableSeenInTwoPhotosLandsInOnePlace() throws Exception {
        AnalyzedPhoto a = analyzer.analyze(TestPhotos.brighton(30));
        AnalyzedPhoto b = analyzer.analyze(TestPhotos.brighton(32));
        assertThat(a.warnings()).isEmpty();
        assertThat(a.pose().orElseThrow().heightSource()).isEqualTo(CameraPose.HeightSource.RELATIVE_ALTITUDE);
        assertThat(a.pose().orElseThrow().heightM()).isEqualTo(40.1);
        assertThat(a.pose().orElseThrow().yawDeg()).isEqualTo(44.2);
        GroundPoint ta = a.locate(588.7, 35.1).orElseThrow();
        GroundPoint tb = b.locate(578.3, 482.8).orElseThrow();
        assertThat(Wgs84.distanceM(ta.position(), new LatLon(46.8423526, -91.9938721))).isLessThan(0.1);
        assertThat(Wgs84.distanceM(tb.position(), new LatLon(46.8423336, -91.9938982))).isLessThan(0.1);
        assertThat(Wgs84.distanceM(ta.position(), tb.position())).isLessThan(5.0); // measured 2.91 m
        assertThat(ta.uncertaintyM()).isBetween(7.0, 8.0); // √((0.125·slant)² + 5²), slant a little over 40 m
        assertThat(a.projector().gsdCm()).isCloseTo(6.87, within(0.01));
    }

    @Test
    void aPhotoWithoutAltitudeOrDjiXmpSaysSoAndGivesNoLocation() throws Exception {
        AnalyzedPhoto agung = analyzer.analyze(TestPhotos.agung());
        assertThat(agung.located()).isFalse();
        assertThat(agung.locate(100, 100)).isEmpty();
        assertThat(agung.warnings()).extracting(PhotoWarning::code).containsExactly("NO_ALTITUDE", "NO_DJI_XMP");
        assertThat(agung.warnings().getFirst().en()).contains("no RelativeAltitude", "no AbsoluteAltitude or GPSAltitude", "no location");
        assertThat(agung.warnings().getFirst().zh()).startsWith("照片无离地高度");

        AnalyzedPhoto canon = analyzer.analyze(TestPhotos.canon());
        assertThat(canon.located()).isFalse();
        assertThat(canon.warnings()).extracting(PhotoWarning::code)
                .containsExactly("METADATA_PROBLEM", "EDITED", "NO_ALTITUDE", "NO_DJI_XMP");
        assertThat(canon.warnings().get(2).en()).contains("GPSAltitude but no site ground elevation");
        assertThat(canon.warnings().get(3).en()).contains("Duplicate property");
    }

    @Test
    void withASiteGroundElevationTheHeightIsAbsoluteAltitudeMinusIt() throws Exception {
        var s = TestSettings.brighton(false);
        PhotoAnalyzer sited = new PhotoAnalyzer(new DroneSettings(s.siteZone(), 160.0, s.cameras(), s.limits(), s.uncertainty(), false));
        CameraPose pose = sited.analyze(TestPhotos.brighton(30)).pose().orElseThrow();
        assertThat(pose.heightSource()).isEqualTo(CameraPose.HeightSource.ABSOLUTE_ALTITUDE_MINUS_SITE_GROUND);
        assertThat(pose.heightM()).isCloseTo(198.61 - 160, within(1e-9));
        AnalyzedPhoto canon = sited.analyze(TestPhotos.canon());
        assertThat(canon.warnings()).extracting(PhotoWarning::code).doesNotContain("NO_ALTITUDE").contains("NO_DJI_XMP");
    }

    @Test
    void aReSavedPhotoIsLocatedWithItsYawInDoubtUntilItsNeighboursSettleIt() throws Exception {
        AnalyzedPhoto p = analyzer.analyze(TestPhotos.original24());
        assertThat(p.warnings()).extracting(PhotoWarning::code).containsExactly("EDITED", "YAW_UNVERIFIED");
        assertThat(p.pose().orElseThrow().yawTrust()).isEqualTo(CameraPose.YawTrust.IN_DOUBT);
        assertThat(p.pose().orElseThrow().yawDeg()).isEqualTo(-140.0);
        // Near a corner the circle must hold the point mirrored through the nadir: 2 × ~39 m more.
        assertThat(p.locate(0, 0).orElseThrow().uncertaintyM()).isGreaterThan(80);
    }
}
