package gridwatch.gateway.ingest.drone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upload endpoint over real HTTP (java.net.http and curl): a real photo is stored once and analysed once; a
 * truncated JPEG, a 60,000 × 60,000 header, a PNG, an empty body, a wrong token, an oversized body each get their own
 * status and JSON reason, nothing of theirs is kept, and the next upload on the same connection is taken as usual.
 */
class DroneUploadTest {

    private static final String TOKEN = "pilot-7c1f0e";
    private static final long MAX_BYTES = 1_000_000;

    @TempDir
    Path dir;
    private final DroneTestRig rig = new DroneTestRig();
    private final RecordingAnalysis analysis = new RecordingAnalysis();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private DroneIngest ingest;

    @BeforeEach
    void start() throws Exception {
        Path token = dir.resolve("drone-1.token");
        Files.writeString(token, TOKEN + "\n");
        ingest = rig.ingest(dir.resolve("store"), analysis, DroneTestRig.upload(token, MAX_BYTES));
        ingest.start(rig.sink);
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    private URI uri(String device, String patrol, String name) {
        return URI.create("http://127.0.0.1:" + ingest.port() + UploadAdmission.PATH + "?device=" + device + "&patrol="
                + URLEncoder.encode(patrol, StandardCharsets.UTF_8) + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(byte[] body, String token) throws Exception {
        return post(uri("drone-1", "2025-10-01 河堤巡查", "DJI_0030.JPG"), body, token);
    }

    private HttpResponse<String> post(URI uri, byte[] body, String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Path> stored() throws Exception {
        Path photos = dir.resolve("store/photos");
        try (Stream<Path> s = Files.walk(photos)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private void assertRefused(HttpResponse<String> res, int status, String error, String reasonContains) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json.readTree(res.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("reason").asText()).contains(reasonContains);
    }

    @Test
    void aRealPhotoIsStoredOnceUnderItsHashAndAnalysedOnce() throws Exception {
        byte[] photo = DronePhotos.bytes("brighton_DJI_0030_w1000.jpg");
        String sha = PhotoIntake.sha256(photo);

        HttpResponse<String> res = post(photo, TOKEN);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        JsonNode body = json.readTree(res.body());
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(body.get("sha256").asText()).isEqualTo(sha);
        assertThat(body.get("patrol").asText()).isEqualTo("2025-10-01 河堤巡查");
        assertThat(body.get("width").asInt()).isEqualTo(1000);
        assertThat(body.get("height").asInt()).isEqualTo(563);
        assertThat(Files.readAllBytes(ingest.store().pathOf(sha))).isEqualTo(photo);

        await().atMost(30, TimeUnit.SECONDS).until(() -> analysis.total() == 1);
        PatrolPhoto p = analysis.finished.getFirst();
        assertThat(p.source()).isEqualTo(PhotoSource.UPLOAD);
        assertThat(p.originalName()).isEqualTo("DJI_0030.JPG");
        assertThat(p.patrolId()).isEqualTo("2025-10-01 河堤巡查");
        assertThat(analysis.threads).containsOnly("drone-analysis");

        HttpResponse<String> again = post(photo, TOKEN);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("status").asText()).isEqualTo("duplicate");
        assertThat(ingest.ledger().state(sha)).contains(PhotoLedger.DONE);
        assertThat(ingest.pending()).as("nothing new to analyse").isZero();
        assertThat(analysis.total()).isEqualTo(1);
        assertThat(stored()).hasSize(1);
        assertThat(rig.metric("gridwatch_drone_photos_accepted_total", "source", "upload")).isEqualTo(1);
        assertThat(rig.metric("gridwatch_drone_photos_duplicate_total", "source", "upload")).isEqualTo(1);
    }

    @Test
    void brokenPhotosAreRefusedEachWithItsReasonAndNothingElseIsAffected() throws Exception {
        byte[] photo = DronePhotos.bytes("brighton_DJI_0032_w1000.jpg");

        assertRefused(post(DronePhotos.cut(photo, photo.length / 2), TOKEN), 422, "truncated", "ends after " + photo.length / 2 + " bytes");
        assertRefused(post(DronePhotos.claiming(photo, 60_000, 60_000), TOKEN), 422, "too_many_pixels", "60000 × 60000");
        assertRefused(post(DronePhotos.png(), TOKEN), 415, "not_jpeg", "PNG");
        assertRefused(post(new byte[0], TOKEN), 400, "empty", "empty");
        HttpResponse<String> wrongToken = post(photo, "pilot-guess");
        assertRefused(wrongToken, 401, "unauthorized", "drone-1");
        assertThat(wrongToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"gridwatch-drone\"");
        assertRefused(post(photo, null), 401, "unauthorized", "bearer token");
        assertRefused(post(DronePhotos.bytes("brighton_DJI_0024.JPG"), TOKEN), 413, "too_large", "1000000");
        assertRefused(post(uri("drone-9", "p1", "x.jpg"), photo, TOKEN), 404, "unknown_device", "drone-9");
        assertRefused(post(URI.create("http://127.0.0.1:" + ingest.port() + UploadAdmission.PATH + "?device=drone-1"), photo, TOKEN),
                400, "bad_request", "patrol");

        assertThat(stored()).as("nothing refused was kept").isEmpty();
        assertThat(ingest.pending()).isZero();
        assertThat(rig.metric("gridwatch_drone_photos_refused_total", "reason", "truncated", "source", "upload")).isEqualTo(1);
        assertThat(rig.metric("gridwatch_drone_photos_refused_total", "reason", "too_many_pixels", "source", "upload")).isEqualTo(1);
        assertThat(rig.metric("gridwatch_drone_photos_refused_total", "reason", "not_jpeg", "source", "upload")).isEqualTo(1);
        assertThat(rig.metric("gridwatch_drone_photos_refused_total", "reason", "empty", "source", "upload")).isEqualTo(1);
        assertThat(rig.metric("gridwatch_drone_photos_refused_total", "reason", "unauthorized", "source", "upload")).isEqualTo(2);
        assertThat(rig.metric("gridwatch_drone_photos_refused_total", "reason", "too_large", "source", "upload")).isEqualTo(1);

        // The same client (and its pooled connection) goes on as if nothing happened.
        HttpResponse<String> ok = post(photo, TOKEN);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        await().atMost(30, TimeUnit.SECONDS).until(() -> analysis.total() == 1);
        assertThat(analysis.finished.getFirst().sha256()).isEqualTo(PhotoIntake.sha256(photo));
        assertThat(stored()).hasSize(1);
    }

    /** The documented curl command; curl sends "Expect: 100-continue" for a body over 1 MB, so this takes that path too. */
    @Test
    void theDocumentedCurlCommandUploadsAPhoto() throws Exception {
        ingest.close();
        DroneTestRig rig8mb = new DroneTestRig();
        ingest = rig8mb.ingest(dir.resolve("store"), analysis, DroneTestRig.upload(dir.resolve("drone-1.token"), 8_000_000));
        ingest.start(rig8mb.sink);
        Path photo = DronePhotos.path("brighton_DJI_0024.JPG");
        Process curl = new ProcessBuilder("curl", "-sS", "--fail-with-body", "-H", "Authorization: Bearer " + TOKEN,
                "-H", "Content-Type: image/jpeg", "--data-binary", "@" + photo,
                "http://127.0.0.1:" + ingest.port() + "/drone/v1/photos?device=drone-1&patrol=2025-10-01-levee&name=DJI_0024.JPG")
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(out).isZero();
        assertThat(json.readTree(out).get("sha256").asText()).isEqualTo(PhotoIntake.sha256(Files.readAllBytes(photo)));
        await().atMost(30, TimeUnit.SECONDS).until(() -> analysis.total() == 1);
        assertThat(analysis.finished.getFirst().width()).isEqualTo(4000);
    }
}
