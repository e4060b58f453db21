package gridwatch.gateway.ingest.drone;

import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.config.Secret;
import gridwatch.config.model.DroneConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bounds that keep a box's memory and disk in check, seen from outside: uploads beyond maxConcurrentUploads and
 * photos beyond maxPendingPhotos are answered 503 with Retry-After; an upload abandoned half-way gives its slot back;
 * a watched folder waits while the analysis is behind and is taken afterwards, nothing skipped.
 */
class DroneBackpressureTest {

    private static final String TOKEN = "bp-token";

    @TempDir
    Path dir;
    private final DroneTestRig rig = new DroneTestRig();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private DroneConnection both(Path folder) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN);
        return new DroneConnection(folder, DroneTestRig.SETTLE_SECONDS, DroneTestRig.SCAN_SECONDS, true, new Secret(null, token), null, null);
    }

    private HttpResponse<String> upload(DroneIngest ingest, String photo) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest.port() + "/drone/v1/photos?device=drone-1&patrol=p1&name=" + photo))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofFile(DronePhotos.path(photo))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> emptyUpload(DroneIngest ingest) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest.port() + "/drone/v1/photos?device=drone-1&patrol=p1"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request head and the first bytes of the body, then holds the connection open. */
    private static Socket halfUpload(DroneIngest ingest, int declared) throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), ingest.port());
        OutputStream out = s.getOutputStream();
        out.write(("POST /drone/v1/photos?device=drone-1&patrol=p1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        out.flush();
        return s;
    }

    @Test
    void uploadsBeyondTheConcurrencyBoundAreAskedToRetryAndAnAbandonedUploadGivesItsSlotBack() throws Exception {
        RecordingAnalysis analysis = new RecordingAnalysis();
        try (DroneIngest ingest = rig.ingest(dir.resolve("store"), analysis, both(null))) {
            ingest.start(rig.sink);
            try (Socket first = halfUpload(ingest, 200_000); Socket second = halfUpload(ingest, 200_000)) {
                // Both are admitted once a third is turned away on its head; poll with empty bodies (refused as empty, no side effect).
                await().atMost(30, TimeUnit.SECONDS).until(() -> emptyUpload(ingest).statusCode() == 503);
                HttpResponse<String> busy = upload(ingest, "brighton_DJI_0018_w1000.jpg");
                assertThat(busy.statusCode()).isEqualTo(503);
                assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(json.readTree(busy.body()).get("error").asText()).isEqualTo("busy");
                assertThat(json.readTree(busy.body()).get("reason").asText()).contains("maxConcurrentUploads");

                first.close();   // gone half-way: its slot comes back, nothing of it is kept
                await().atMost(30, TimeUnit.SECONDS).until(() -> upload(ingest, "brighton_DJI_0018_w1000.jpg").statusCode() == 201);
                InputStream in = second.getInputStream();
                second.getOutputStream().write(new byte[200_000 - 3]);   // the rest of a body that is not a JPEG after all
                second.getOutputStream().flush();
                second.setSoTimeout(30_000);
                String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(answer).isEqualTo("HTTP/1.1 422");
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> analysis.total() == 1);
            assertThat(rig.metric("gridwatch_drone_photos_refused_total", "reason", "busy", "source", "upload")).isGreaterThanOrEqualTo(2);
            assertThat(rig.metric("gridwatch_drone_photos_accepted_total", "source", "upload")).isEqualTo(1);
        }
    }

    @Test
    void whileTheAnalysisIsBehindUploadsAreAskedToRetryAndTheFolderWaitsThenEverythingIsTaken() throws Exception {
        Path folder = dir.resolve("sync");
        RecordingAnalysis analysis = new RecordingAnalysis(1);   // holds the worker on the first photo
        try (DroneIngest ingest = rig.ingest(dir.resolve("store"), analysis, both(folder), 2)) {
            ingest.start(rig.sink);
            assertThat(upload(ingest, "brighton_DJI_0018_w1000.jpg").statusCode()).isEqualTo(201);
            assertThat(upload(ingest, "brighton_DJI_0020_w1000.jpg").statusCode()).isEqualTo(201);
            HttpResponse<String> busy = upload(ingest, "brighton_DJI_0022_w1000.jpg");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(json.readTree(busy.body()).get("reason").asText()).contains("2 photos wait for analysis");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("60");

            Files.createDirectories(folder.resolve("p2"));
            Files.copy(DronePhotos.path("brighton_DJI_0026_w1000.jpg"), folder.resolve("p2/DJI_0026.JPG"));
            long scans = ingest.folderScans();
            long from = System.nanoTime();
            await().atMost(30, TimeUnit.SECONDS).until(() -> ingest.folderScans() >= scans + 10 && System.nanoTime() - from > 1e9);
            assertThat(rig.metric("gridwatch_drone_photos_accepted_total", "source", "folder")).as("left in the folder for now").isZero();
            assertThat(ingest.filesWaiting()).isEqualTo(1);

            analysis.release();
            await().atMost(60, TimeUnit.SECONDS).until(() -> analysis.total() == 3);
            assertThat(upload(ingest, "brighton_DJI_0022_w1000.jpg").statusCode()).isEqualTo(201);
            await().atMost(60, TimeUnit.SECONDS).until(() -> analysis.total() == 4);
            assertThat(analysis.calls.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        }
    }
}
