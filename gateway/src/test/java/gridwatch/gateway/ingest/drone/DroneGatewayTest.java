package gridwatch.gateway.ingest.drone;

import gridwatch.config.ConfigError;
import gridwatch.config.ConfigException;
import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Finding;
import gridwatch.detectors.core.GroundLocation;
import gridwatch.detectors.core.Lifetime;
import gridwatch.detectors.core.Severity;
import gridwatch.detectors.core.Subject;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A drone in a box's YAML: the whole gateway watches its folder and takes its uploads, counts them in /metrics, keeps
 * its photos beside the outbox and does not take them again after a restart; a finding from the photo analysis seam
 * becomes an alert with its ground location. Config errors name the file, line and field.
 */
class DroneGatewayTest {

    private static final String TOKEN = "t0ken-for-drone-1";

    @TempDir
    Path box;
    private final HttpClient http = HttpClient.newHttpClient();

    private Path config(String devices) throws Exception {
        Files.writeString(box.resolve("drone-1.token"), TOKEN + "\n");
        Path file = box.resolve("box.yaml");
        Files.writeString(file, """
                gateway: {id: drone-box}
                site: {timeZone: Asia/Shanghai, location: {lat: 46.8425, lon: -91.9941}}
                uplink: {broker: "tcp://127.0.0.1:1"}
                outbox: {directory: var/outbox}
                http: {bind: 127.0.0.1, port: 0}
                ingest:
                  drone: {bind: 127.0.0.1, port: 0}
                zones:
                  - id: park
                    gridCell: {code: "110105012003001", name: 公园 第1网格}
                devices:
                %s
                categories:
                  drone.test-object: {code: "99-01", nameZh: 无人机巡查发现}
                """.formatted(devices.indent(2).stripTrailing()));
        return file;
    }

    private static final String DRONE = """
            - id: drone-1
              profile: drone-camera
              zone: park
              connection: {type: drone, folder: dji-sync, settleSeconds: 0.3, scanSeconds: 0.1, upload: true, token: {file: drone-1.token}}
            """;

    private double metric(Gateway g, String series) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private HttpResponse<String> upload(Gateway g, String photo) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.drones().orElseThrow().port()
                        + "/drone/v1/photos?device=drone-1&patrol=upload-1&name=" + photo))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofFile(DronePhotos.path(photo))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGatewayTakesFolderPhotosAndUploadsOnceAndNotAgainAfterARestart() throws Exception {
        Path file = config(DRONE);
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        try (Gateway g = Gateway.start(file, cfg, a -> { })) {
            Files.createDirectories(box.resolve("dji-sync/patrol-1"));
            Files.copy(DronePhotos.path("brighton_DJI_0020_w1000.jpg"), box.resolve("dji-sync/patrol-1/DJI_0020.JPG"));
            assertThat(upload(g, "brighton_DJI_0022_w1000.jpg").statusCode()).isEqualTo(201);
            await().atMost(60, TimeUnit.SECONDS).until(() -> metric(g, "gridwatch_drone_photos_processed_total{outcome=\"analysed\"}") == 2);
            assertThat(metric(g, "gridwatch_drone_photos_accepted_total{source=\"folder\"}")).isEqualTo(1);
            assertThat(metric(g, "gridwatch_drone_photos_accepted_total{source=\"upload\"}")).isEqualTo(1);
            assertThat(metric(g, "gridwatch_drone_photos_pending")).isZero();
        }
        try (Stream<Path> photos = Files.walk(box.resolve("var/drone/photos"))) {
            assertThat(photos.filter(Files::isRegularFile).count()).as("the default store, beside the outbox").isEqualTo(2);
        }

        try (Gateway again = Gateway.start(file, cfg, a -> { })) {
            DroneIngest drones = again.drones().orElseThrow();
            long scans = drones.folderScans();
            await().atMost(30, TimeUnit.SECONDS).until(() -> drones.folderScans() >= scans + 10);
            assertThat(upload(again, "brighton_DJI_0022_w1000.jpg").statusCode()).as("already had it").isEqualTo(200);
            assertThat(metric(again, "gridwatch_drone_photos_accepted_total{source=\"folder\"}")).isZero();
            assertThat(metric(again, "gridwatch_drone_photos_processed_total{outcome=\"analysed\"}")).isZero();
            assertThat(metric(again, "gridwatch_drone_photos_duplicate_total{source=\"upload\"}")).isEqualTo(1);
        }
    }

    /**
     * What the photo analysis will do, in miniature: one one-shot finding per photo, located on the ground, with the
     * stored photo referenced (not inlined) as evidence. Through the gateway's real pipeline it becomes an alert.
     */
    @Test
    void aOneShotFindingFromThePhotoAnalysisBecomesAnAlertWithItsGroundLocation() throws Exception {
        Path file = config(DRONE);
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        Queue<Alert> alerts = new ConcurrentLinkedQueue<>();
        PhotoAnalysis oneObjectPerPhoto = photo -> List.of(new Finding("drone-objects", "drone.test-object",
                Subject.object(photo.deviceId(), "park", photo.sha256() + "#0", new GroundLocation(46.8423526, -91.9938721, 5.0)),
                true, Severity.YELLOW, photo.receivedAt(), "picnic table in " + photo.originalName(), List.of(),
                List.of(new Evidence("photo", "image/jpeg", "sha256:" + photo.sha256(), null)), new Lifetime.OneShot(Duration.ofMinutes(30))));
        try (Gateway g = Gateway.start(file, cfg, alerts::add);
             DroneIngest ingest = new DroneIngest(gridwatch.config.model.DroneServerConfig.defaults(), box.resolve("seam-store"),
                     cfg.site().zoneId(), DroneMetrics.none(), oneObjectPerPhoto, Clock.systemUTC())) {
            ingest.register(new DroneStation("drone-1", "park", DroneTestRig.folder(box.resolve("seam-folder"))));
            Files.createDirectories(box.resolve("seam-folder/patrol-2"));
            Files.copy(DronePhotos.path("brighton_DJI_0030_w1000.jpg"), box.resolve("seam-folder/patrol-2/DJI_0030.JPG"));
            ingest.start(g.pipeline());
            await().atMost(60, TimeUnit.SECONDS).until(() -> !alerts.isEmpty());
        }
        Alert a = alerts.peek();
        assertThat(a.type()).isEqualTo("drone.test-object");
        assertThat(a.category().nameZh()).isEqualTo("无人机巡查发现");
        assertThat(a.groundLocation()).isEqualTo(new GroundLocation(46.8423526, -91.9938721, 5.0));
        assertThat(a.gridCell().code()).isEqualTo("110105012003001");
        assertThat(a.evidence()).singleElement().satisfies(e -> assertThat(e.ref()).isEqualTo("sha256:" + PhotoIntake.sha256(
                DronePhotos.bytes("brighton_DJI_0030_w1000.jpg"))));
    }

    @Test
    void droneConfigProblemsAreNamedWithFileLineAndField() throws Exception {
        Path file = config(DRONE + """
                - id: drone-2
                  profile: drone-camera
                  connection: {type: drone, folder: dji-sync}
                - id: drone-3
                  profile: drone-camera
                  connection: {type: drone}
                - id: drone-4
                  profile: ip-camera
                  connection: {type: drone, folder: other}
                """);
        List<String> errors;
        try {
            new GatewayConfigLoader().load(file);
            throw new AssertionError("accepted");
        } catch (ConfigException e) {
            errors = e.errors().stream().map(ConfigError::format).toList();
        }
        assertThat(errors).satisfiesExactlyInAnyOrder(
                e -> assertThat(e).startsWith(file + ":18:").endsWith("devices[1].connection.folder: device 'drone-1' already has watched folder "
                        + box.resolve("dji-sync")),
                e -> assertThat(e).startsWith(file + ":21:").endsWith("devices[2].connection: a drone needs a folder to watch, or upload: true (with a token), or both"),
                e -> assertThat(e).startsWith(file + ":23:").endsWith("devices[3].profile: profile ip-camera maps no EXIF/XMP tags of drone photos (use drone-camera)"));
    }
}
