package gridwatch.drone.camera;

import gridwatch.drone.TestPhotos;
import gridwatch.drone.metadata.PhotoMetadataReader;
import gridwatch.profiles.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CameraTableTest {

    private final PhotoMetadataReader reader = new PhotoMetadataReader(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theBuiltInProfilesTableGivesTheFocalLengthInPixels() throws Exception {
        CameraTable table = CameraTable.from(new ProfileLoader().load(List.of()), CameraTable.PROFILE);
        assertThat(table.find("DJI", "FC300S")).hasValueSatisfying(s -> assertThat(s.sensorWidthMm()).isEqualTo(6.17));
        assertThat(table.find(" dji", "fc300s ")).as("case and blanks ignored").isPresent();
        IntrinsicsResolver resolver = new IntrinsicsResolver(table);

        // Design note §3: 3.6 / 6.17 × 1000 = 583.5 px for the 1000-px copies; 3.61 / 6.17 × 4000 = 2340 px for the original.
        Intrinsics small = resolver.resolve(reader.read(TestPhotos.brighton(30))).orElseThrow();
        assertThat(small.focalPx()).isCloseTo(583.5, within(0.05));
        assertThat(small.source()).isEqualTo(Intrinsics.FocalSource.CAMERA_TABLE);
        assertThat(small.cx()).isEqualTo(500);
        assertThat(small.cy()).isEqualTo(281.5);
        assertThat(resolver.resolve(reader.read(TestPhotos.original24())).orElseThrow().focalPx()).isCloseTo(2340, within(1.0));
    }

    @Test
    void aModelMissingFromTheTableFallsBackToThe35mmEquivalentAndSaysSo() throws Exception {
        Intrinsics f35 = new IntrinsicsResolver(new CameraTable(List.of())).resolve(reader.read(TestPhotos.brighton(30))).orElseThrow();
        assertThat(f35.source()).isEqualTo(Intrinsics.FocalSource.FOCAL_35MM);
        assertThat(f35.focalPx()).isCloseTo(20 / 36.0 * 1000, within(0.01)); // 555.6 px: 5 % short (design note §3)
        assertThat(new IntrinsicsResolver(new CameraTable(List.of())).resolve(reader.read(TestPhotos.canon()))).as("no 35 mm tag either").isEmpty();
    }

    @Test
    void aSiteProfileOfTheSameNameReplacesTheTable() throws Exception {
        Files.writeString(dir.resolve("drone-camera.yaml"), """
                name: drone-camera
                manufacturer: Site
                model: Site drones
                kind: camera
                deviceResources:
                  - name: photo
                    properties: {valueType: Image, readWrite: R}
                cameras:
                  - {make: DJI, model: FC8482, name: Mini 4 Pro (site-measured), sensorWidthMm: 9.7}
                """);
        CameraTable table = CameraTable.from(new ProfileLoader().load(List.of(dir)), CameraTable.PROFILE);
        assertThat(table.find("DJI", "FC8482")).hasValueSatisfying(s -> assertThat(s.sensorWidthMm()).isEqualTo(9.7));
        assertThat(table.find("DJI", "FC300S")).isEmpty();
    }
}
