package gridwatch.drone.metadata;

import gridwatch.drone.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PhotoMetadataReaderTest {

    /** Brighton Beach, Duluth MN: the flight's wall clock is US Central (CDT in June, UTC−5). */
    private final PhotoMetadataReader reader = new PhotoMetadataReader(ZoneId.of("America/Chicago"));

    @TempDir
    Path dir;

    @Test
    void elementFormXmpOfAnExiftoolRewriteIsReadInFull() throws Exception {
        PhotoMetadata m = reader.read(TestPhotos.brighton(20));
        assertThat(m.size()).isEqualTo(new ImageSize(1000, 563));
        assertThat(m.make()).isEqualTo("DJI");
        assertThat(m.model()).isEqualTo("FC300S");
        assertThat(m.djiXmp()).isTrue();
        // The tags hold more digits than the 0.01" a viewer shows (46° 50' 34", 91° 59' 39.48" W).
        assertThat(m.position().lat()).isCloseTo(46 + 50 / 60.0 + 34.0 / 3600, within(3e-6));
        assertThat(m.position().lon()).isCloseTo(-(91 + 59 / 60.0 + 39.48 / 3600), within(3e-6));
        assertThat(m.altitudes().relativeM()).isEqualTo(40.1);
        assertThat(m.altitudes().absoluteM()).isEqualTo(198.61);
        assertThat(m.altitudes().gpsM()).isCloseTo(198.61, within(0.005));
        assertThat(m.gimbal()).isEqualTo(new Attitude(44.2, -89.9, 0.0));
        assertThat(m.flight()).isEqualTo(new Attitude(42.8, 0.9, 1.1));
        assertThat(m.focalLengthMm()).isEqualTo(3.6);
        assertThat(m.focalLength35mm()).isEqualTo(20.0);
        assertThat(m.edits().software()).isEqualTo("v01.23.4920");
        assertThat(m.edits().creatorTool()).isNull();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void attributeFormXmpAndNulPaddedMakeOfTheOriginalAreReadAlike() throws Exception {
        PhotoMetadata m = reader.read(TestPhotos.original24());
        assertThat(m.size()).isEqualTo(new ImageSize(4000, 2250));
        assertThat(m.make()).isEqualTo("DJI");
        assertThat(m.model()).isEqualTo("FC300S");
        assertThat(m.altitudes().relativeM()).isEqualTo(39.9);
        assertThat(m.altitudes().absoluteM()).isEqualTo(198.41);
        assertThat(m.altitudes().gpsM()).isCloseTo(198.41, within(0.005));
        assertThat(m.gimbal()).isEqualTo(new Attitude(-140.0, -89.9, 0.0));
        assertThat(m.flight()).isEqualTo(new Attitude(-138.7, -0.1, -4.0));
        assertThat(m.yawDeg()).isEqualTo(-140.0);
        assertThat(m.focalLengthMm()).isCloseTo(3.61, within(0.006));
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void theEditorsTracesAreRead() throws Exception {
        EditTraces e = reader.read(TestPhotos.original24()).edits();
        assertThat(e.software()).isEqualTo("Microsoft Windows Photo Viewer 10.0.10240.16384");
        assertThat(e.creatorTool()).isEqualTo("Microsoft Windows Photo Viewer 10.0.10240.16384");
        assertThat(e.modified()).isEqualTo(LocalDateTime.of(2016, 6, 23, 19, 24, 38));
        assertThat(e.original()).isEqualTo(LocalDateTime.of(2016, 6, 23, 16, 32, 43));
        assertThat(e.mpfIntact()).as("the DJI preview the MPF index lists is gone").isFalse();
        assertThat(reader.read(TestPhotos.brighton(20)).edits().mpfIntact()).as("exiftool rewrites carry no MPF index").isNull();
    }

    @Test
    void captureTimeWithoutAZoneIsReadInTheSiteZoneAndSaysSo() throws Exception {
        CaptureTime t = reader.read(TestPhotos.brighton(20)).captured();
        assertThat(t.wallClock()).isEqualTo(LocalDateTime.of(2016, 6, 23, 16, 32, 13));
        assertThat(t.source()).isEqualTo(CaptureTime.Source.SITE_ZONE);
        assertThat(t.utc()).isEqualTo(Instant.parse("2016-06-23T21:32:13Z"));
        assertThat(new PhotoMetadataReader(ZoneId.of("Asia/Shanghai")).read(TestPhotos.brighton(20)).captured().utc())
                .isEqualTo(Instant.parse("2016-06-23T08:32:13Z"));
    }

    @Test
    void aPhotoWithoutAltitudeOrDjiXmpReadsWithThoseFieldsAbsent() throws Exception {
        PhotoMetadata m = reader.read(TestPhotos.agung());
        assertThat(m.model()).isEqualTo("FC8482");
        assertThat(m.position().lat()).isCloseTo(-(8 + 18 / 60.0 + 14.26 / 3600), within(3e-6));
        assertThat(m.altitudes()).isEqualTo(new Altitudes(null, null, null));
        assertThat(m.djiXmp()).isFalse();
        assertThat(m.gimbal().isEmpty()).isTrue();
        assertThat(m.yawDeg()).isNull();
        assertThat(m.size()).isEqualTo(new ImageSize(4032, 3024));
    }

    @Test
    void aMalformedXmpPacketIsAProblemNotAnException() throws Exception {
        PhotoMetadata m = reader.read(TestPhotos.canon());
        assertThat(m.make()).isEqualTo("Canon");
        assertThat(m.altitudes().gpsM()).isCloseTo(438.19, within(0.01));
        assertThat(m.djiXmp()).isFalse();
        assertThat(m.focalLength35mm()).isNull();
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).startsWith("XMP: ").contains("Duplicate property"));
        assertThat(m.edits().software()).isEqualTo("GIMP 2.8.18");
    }

    @Test
    void notAJpegIsRefusedWithTheReason() throws Exception {
        Path png = Files.write(dir.resolve("x.jpg"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertThatThrownBy(() -> reader.read(png)).isInstanceOf(PhotoReadException.class).hasMessageContaining("not a JPEG");
        Path empty = Files.write(dir.resolve("empty.jpg"), new byte[0]);
        assertThatThrownBy(() -> reader.read(empty)).isInstanceOf(PhotoReadException.class);
        byte[] head = Files.readAllBytes(TestPhotos.brighton(20));
        Path cut = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(head, 300));
        assertThatThrownBy(() -> reader.read(cut)).isInstanceOf(PhotoReadException.class);
    }
}
