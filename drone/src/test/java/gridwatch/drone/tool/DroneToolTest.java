package gridwatch.drone.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.drone.TestPhotos;
import gridwatch.drone.TestSettings;
import gridwatch.drone.patrol.PatrolYawCheck;
import gridwatch.drone.photo.PhotoAnalyzer;
import gridwatch.geo.datum.Datum;
import gridwatch.geo.grid.GeoJsonGridReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

@Tag("models")
class DroneToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void onePatrolGivesOneLinePerPhotoWithPoseFootprintWarningsPixelsAndCells() throws Exception {
        Path png = Files.write(dir.resolve("not-a-photo.jpg"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        List<Path> photos = List.of(TestPhotos.brighton(22), TestPhotos.original24(), TestPhotos.brighton(30), TestPhotos.agung(), png);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DroneTool tool = new DroneTool(new PhotoAnalyzer(TestSettings.brighton(true)), PatrolYawCheck.DEFAULT,
                new GeoJsonGridReader().read(Path.of("../seeds/drone/brighton-park-grid.geojson"), Datum.WGS84), dir.resolve("annotated"));
        int code = tool.run(photos, List.of(new Pixel(588.7, 35.1), new Pixel(5000, 1)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).as("one file is not a JPEG").isEqualTo(2);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).hasSize(5);

        JsonNode p30 = lines.get(2);
        assertThat(p30.path("file").asText()).endsWith("brighton_DJI_0030_w1000.jpg");
        assertThat(p30.path("pose").path("heightSource").asText()).isEqualTo("RELATIVE_ALTITUDE");
        assertThat(p30.path("pose").path("yawDeg").asDouble()).isEqualTo(44.2);
        assertThat(p30.path("camera").path("focalPx").asDouble()).isCloseTo(583.5, within(0.05));
        assertThat(p30.path("gsdCm").asDouble()).isCloseTo(6.87, within(0.01));
        assertThat(p30.path("footprint").path("type").asText()).isEqualTo("Polygon");
        assertThat(p30.path("footprint").path("coordinates").get(0)).hasSize(5);
        assertThat(p30.path("warnings")).isEmpty();
        assertThat(p30.path("capturedAt").asText()).isEqualTo("2016-06-23T21:33:27Z");
        JsonNode table = p30.path("pixels").get(0);
        assertThat(table.path("lat").asDouble()).isCloseTo(46.8423526, within(1.5e-6));
        assertThat(table.path("lon").asDouble()).isCloseTo(-91.9938721, within(1.5e-6));
        assertThat(table.path("uncertaintyM").asDouble()).isBetween(7.0, 8.0);
        assertThat(table.path("gridCell").path("code").asText()).isEqualTo("990001001001007");
        assertThat(table.path("gridCell").path("name").asText()).isEqualTo("布赖顿海滩公园 第07网格");
        assertThat(p30.path("pixels").get(1).path("error").asText()).isEqualTo("outside the 1000x563 image");

        JsonNode p24 = lines.get(1);
        assertThat(p24.path("pose").path("yawTrust").asText()).isEqualTo("TURNED_180");
        assertThat(p24.path("pose").path("yawDeg").asDouble()).isEqualTo(40.0);
        assertThat(p24.path("warnings").findValuesAsText("code")).containsExactly("EDITED", "YAW_TURNED_180");

        JsonNode agung = lines.get(3);
        assertThat(agung.path("pose").isNull()).isTrue();
        assertThat(agung.path("footprint").isNull()).isTrue();
        assertThat(agung.path("warnings").findValuesAsText("code")).containsExactly("NO_ALTITUDE", "NO_DJI_XMP", "BLURRED");
        assertThat(agung.path("warnings").get(0).path("blocksLocation").asBoolean()).isTrue();
        assertThat(agung.path("pixels").get(0).path("error").asText()).contains("no location");
        assertThat(agung.path("pixels").get(0).path("lat").isNull()).isTrue();

        assertThat(lines.get(4).path("error").asText()).contains("not a JPEG");

        Path annotated = dir.resolve("annotated/brighton_DJI_0030_w1000.annotated.jpg");
        assertThat(annotated).exists();
        try (var img = imread(annotated.toString())) {
            assertThat(img.cols()).isEqualTo(1000);
            assertThat(img.rows()).as("the picture and a band above it").isEqualTo(563 + 60);
        }
        assertThat(dir.resolve("annotated/brighton_DJI_0024.annotated.jpg")).exists();
    }
}
