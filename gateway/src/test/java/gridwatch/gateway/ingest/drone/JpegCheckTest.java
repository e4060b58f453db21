package gridwatch.gateway.ingest.drone;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The JPEG structure walk on the real drone photos and on broken copies of them. */
class JpegCheckTest {

    private static final long MAX_PIXELS = 100_000_000L;

    @Test
    void everyRealDronePhotoIsWholeWithTheSizeItsHeaderDeclares() throws Exception {
        for (String name : DronePhotos.BRIGHTON) {
            assertThat(JpegCheck.inspect(DronePhotos.bytes(name), MAX_PIXELS)).as(name).isEqualTo(new JpegCheck.Jpeg(1000, 563));
        }
        assertThat(JpegCheck.inspect(DronePhotos.bytes("brighton_DJI_0024.JPG"), MAX_PIXELS)).as("original 12 MP, MPF preview appended")
                .isEqualTo(new JpegCheck.Jpeg(4000, 2250));
        assertThat(JpegCheck.inspect(DronePhotos.bytes("agung_DJI_20251001132715_0396_D_POOR_SHARPNESS.JPG"), MAX_PIXELS))
                .isEqualTo(new JpegCheck.Jpeg(4032, 3024));
        assertThat(JpegCheck.inspect(DronePhotos.bytes("webodm_tiny_drone_image.jpg"), MAX_PIXELS)).as("progressive: several scans")
                .isEqualTo(new JpegCheck.Jpeg(48, 36));
    }

    /** Cut anywhere (inside the EXIF block with its own thumbnail's end marker, in the headers, in the image data). */
    @Test
    void aPhotoCutAnywhereIsTruncated() throws Exception {
        for (String name : new String[] {"brighton_DJI_0020_w1000.jpg", "brighton_DJI_0024.JPG", "webodm_tiny_drone_image.jpg"}) {
            byte[] whole = DronePhotos.bytes(name);
            for (int keep : new int[] {3, 4, 100, 5_000, whole.length / 2, whole.length - 2, whole.length - 1}) {
                assertThat(JpegCheck.inspect(DronePhotos.cut(whole, keep), MAX_PIXELS)).as(name + " cut to " + keep)
                        .isInstanceOfSatisfying(Refusal.class, r -> {
                            assertThat(r.reason()).isEqualTo(RefusalReason.TRUNCATED);
                            assertThat(r.message()).contains("ends after " + keep + " bytes").contains("incomplete");
                        });
            }
        }
    }

    @Test
    void aHeaderClaiming60000By60000IsRefusedBeforeAnythingIsDecoded() throws Exception {
        byte[] huge = DronePhotos.claiming(DronePhotos.bytes("brighton_DJI_0020_w1000.jpg"), 60_000, 60_000);
        assertThat(JpegCheck.inspect(huge, MAX_PIXELS)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.TOO_MANY_PIXELS);
            assertThat(r.message()).contains("60000 × 60000 = 3600000000 pixels").contains("100000000");
        });
        assertThat(JpegCheck.inspect(DronePhotos.claiming(DronePhotos.bytes("webodm_tiny_drone_image.jpg"), 60_000, 60_000), MAX_PIXELS))
                .as("progressive frame header too").isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.reason()).isEqualTo(RefusalReason.TOO_MANY_PIXELS));
    }

    @Test
    void otherFormatsAndEmptyFilesAreNamed() throws Exception {
        assertThat(JpegCheck.inspect(DronePhotos.png(), MAX_PIXELS)).isEqualTo(new Refusal(RefusalReason.NOT_JPEG, "not a JPEG: this is a PNG image"));
        assertThat(JpegCheck.inspect(new byte[0], MAX_PIXELS)).isEqualTo(new Refusal(RefusalReason.EMPTY, "the photo is empty (0 bytes)"));
        assertThat(JpegCheck.inspect("hello".getBytes(StandardCharsets.US_ASCII), MAX_PIXELS)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.message()).isEqualTo("not a JPEG: it starts with 68 65 6C 6C, not FF D8 FF"));
    }

    @Test
    void aHeaderOfZeroWidthOrGarbageBetweenSegmentsIsNotAValidJpeg() throws Exception {
        byte[] photo = DronePhotos.bytes("brighton_DJI_0020_w1000.jpg");
        assertThat(JpegCheck.inspect(DronePhotos.claiming(photo, 0, 563), MAX_PIXELS)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.BAD_JPEG));
        byte[] garbled = photo.clone();
        garbled[2 + 2 + (((garbled[4] & 0xFF) << 8) | (garbled[5] & 0xFF))] = 0x12;   // the byte where the second segment's marker should be
        assertThat(JpegCheck.inspect(garbled, MAX_PIXELS)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.BAD_JPEG);
            assertThat(r.message()).contains("expected a marker");
        });
    }
}
