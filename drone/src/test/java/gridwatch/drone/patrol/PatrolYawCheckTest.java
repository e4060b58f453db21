package gridwatch.drone.patrol;

import gridwatch.drone.georef.CameraPose.YawTrust;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.quality.PhotoWarning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("models")
class PatrolYawCheckTest {

    /**
     * Design note §5: Windows Photo Viewer turned the pixels of DJI_0024 and DJI_0026 by 180° and kept
     * their yaws (−140°, −132°). Registered against untouched neighbours, their image rotation is
     * Δyaw + 180°, so they are located with yaw + 180°; the untouched photos are left as they were.
     */
    @Test
    void theTwoReSavedPhotosAreFoundTurned180DegreesByTheirNeighbours() throws Exception {
        Map<Integer, AnalyzedPhoto> p = BrightonPatrol.judged();
        for (int n : new int[] {24, 26}) {
            AnalyzedPhoto photo = p.get(n);
            assertThat(photo.pose().orElseThrow().yawTrust()).as("DJI_%04d", n).isEqualTo(YawTrust.TURNED_180);
            assertThat(photo.warnings()).extracting(PhotoWarning::code).as("DJI_%04d", n).containsExactly("EDITED", "YAW_TURNED_180");
            PhotoWarning.YawTurned180 w = (PhotoWarning.YawTurned180) photo.warnings().get(1);
            assertThat(Math.abs(w.measuredDeg() - w.predictedDeg())).isBetween(165.0, 195.0);
            assertThat(w.zh()).contains("像素被旋转了180°");
        }
        assertThat(p.get(24).pose().orElseThrow().yawDeg()).isEqualTo(40.0);
        assertThat(p.get(26).pose().orElseThrow().yawDeg()).isEqualTo(48.0);
        for (int n : new int[] {18, 20, 22, 30, 32}) {
            assertThat(p.get(n).pose().orElseThrow().yawTrust()).isEqualTo(YawTrust.AS_RECORDED);
            assertThat(p.get(n).warnings()).isEmpty();
        }
    }

    @Test
    void aReSavedPhotoWithNoTrustedNeighbourStaysInDoubtAndSaysWhy() throws Exception {
        Map<Integer, AnalyzedPhoto> p = BrightonPatrol.analyzed();
        List<AnalyzedPhoto> out = PatrolYawCheck.DEFAULT.judge(List.of(p.get(24), p.get(26)));
        for (AnalyzedPhoto photo : out) {
            assertThat(photo.pose().orElseThrow().yawTrust()).isEqualTo(YawTrust.IN_DOUBT);
            assertThat(photo.warnings()).last().isInstanceOfSatisfying(PhotoWarning.YawUnverified.class,
                    w -> assertThat(w.reason()).isEqualTo("no photo with a trusted yaw overlaps it"));
        }
    }
}
