package gridwatch.gateway.ingest.drone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A watched folder with real photos copied in while the ingest runs: each photo analysed exactly once, a file still
 * being written never taken half-way, and a restart mid-patrol neither analysing a photo again nor skipping one.
 */
class DroneFolderIngestTest {

    @TempDir
    Path dir;
    private final DroneTestRig rig = new DroneTestRig();

    private static void copy(String photo, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(DronePhotos.path(photo), to);
    }

    private static String sha(String photo) throws Exception {
        return PhotoIntake.sha256(DronePhotos.bytes(photo));
    }

    /** Waits until the watcher has listed the folder {@code n} more times and at least {@code seconds} have passed. */
    private static void letItLook(DroneIngest ingest, int n, double seconds) {
        long scans = ingest.folderScans();
        long from = System.nanoTime();
        await().atMost(30, TimeUnit.SECONDS).until(() -> ingest.folderScans() >= scans + n && System.nanoTime() - from >= seconds * 1e9);
    }

    @Test
    void photosDroppedWhileRunningAreAnalysedExactlyOnceEachInItsPatrol() throws Exception {
        Path folder = dir.resolve("dji-sync");
        RecordingAnalysis analysis = new RecordingAnalysis();
        try (DroneIngest ingest = rig.ingest(dir.resolve("store"), analysis, DroneTestRig.folder(folder))) {
            ingest.start(rig.sink);
            List<String> photos = DronePhotos.BRIGHTON;
            copy(photos.get(0), folder.resolve("patrol-A/DCIM/100MEDIA/DJI_0018.JPG"));
            copy(photos.get(1), folder.resolve("patrol-A/DCIM/100MEDIA/DJI_0020.JPG"));
            copy(photos.get(2), folder.resolve("patrol-A/DCIM/101MEDIA/DJI_0022.jpeg"));
            copy(photos.get(3), folder.resolve("patrol-B/DJI_0026.JPG"));
            copy(photos.get(4), folder.resolve("patrol-B/DJI_0030.JPG"));
            copy(photos.get(5), folder.resolve("DJI_0032.JPG"));
            copy(photos.get(4), folder.resolve("patrol-B/copy of DJI_0030.JPG"));    // the same photo twice: one photo
            Files.write(folder.resolve("patrol-B/screenshot.jpg"), DronePhotos.png());  // named .jpg, is a PNG: refused
            Files.writeString(folder.resolve("patrol-B/DJI_0030.SRT"), "1\n00:00:00,000 --> 00:00:01,000\n");  // not a photo
            Files.write(folder.resolve("patrol-B/.DJI_0031.JPG.part"), DronePhotos.cut(DronePhotos.bytes(photos.get(0)), 1000)); // a copier's temp file

            await().atMost(60, TimeUnit.SECONDS).until(() -> analysis.calls.size() == 6
                    && rig.metric("gridwatch_drone_photos_duplicate_total", "source", "folder") == 1
                    && rig.metric("gridwatch_drone_photos_refused_total", "reason", "not_jpeg", "source", "folder") == 1);
            letItLook(ingest, 10, 3 * DroneTestRig.SETTLE_SECONDS);

            assertThat(analysis.total()).as("each photo once, however often the folder was listed").isEqualTo(6);
            for (String p : photos) {
                assertThat(analysis.calls.get(sha(p))).as(p).hasValue(1);
                assertThat(ingest.ledger().state(sha(p))).contains(PhotoLedger.DONE);
            }
            assertThat(analysis.threads).containsOnly("drone-analysis");
            Map<String, Set<String>> patrols = analysis.finished.stream().collect(Collectors.groupingBy(PatrolPhoto::patrolId,
                    Collectors.mapping(PatrolPhoto::originalName, Collectors.toSet())));
            assertThat(patrols).containsOnlyKeys("patrol-A", "patrol-B", LocalDate.now(DroneTestRig.SITE).toString());
            assertThat(patrols.get("patrol-A")).containsExactlyInAnyOrder("patrol-A/DCIM/100MEDIA/DJI_0018.JPG",
                    "patrol-A/DCIM/100MEDIA/DJI_0020.JPG", "patrol-A/DCIM/101MEDIA/DJI_0022.jpeg");
            assertThat(ingest.patrol("drone-1", "patrol-A")).hasValueSatisfying(p -> assertThat(p.photos()).isEqualTo(3));
            assertThat(analysis.finished).allSatisfy(p -> {
                assertThat(p.source()).isEqualTo(PhotoSource.FOLDER);
                assertThat(p.deviceId()).isEqualTo("drone-1");
                assertThat(p.storedPath()).isEqualTo(ingest.store().pathOf(p.sha256()));
                assertThat(p.width()).isEqualTo(1000);
            });
            assertThat(rig.metric("gridwatch_drone_photos_accepted_total", "source", "folder")).isEqualTo(6);
            assertThat(rig.metric("gridwatch_drone_photos_processed_total", "outcome", "analysed")).isEqualTo(6);
            assertThat(rig.metric("gridwatch_drone_photos_pending")).isZero();
            assertThat(ingest.filesWaiting()).isZero();
        }
    }

    @Test
    void aFileStillBeingWrittenIsTakenOnceWholeNotHalfWay() throws Exception {
        Path folder = dir.resolve("sd-card");
        byte[] photo = DronePhotos.bytes("brighton_DJI_0024.JPG");   // the 2.9 MB original
        RecordingAnalysis analysis = new RecordingAnalysis();
        try (DroneIngest ingest = rig.ingest(dir.resolve("store"), analysis, DroneTestRig.folder(folder))) {
            ingest.start(rig.sink);
            Path file = Files.createDirectories(folder.resolve("patrol-C")).resolve("DJI_0024.JPG");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(photo, 0, photo.length / 2));
                ch.force(true);

                // Half the photo has sat unchanged for well over the settle time while the folder was listed again and again.
                letItLook(ingest, 20, 4 * DroneTestRig.SETTLE_SECONDS);
                assertThat(analysis.total()).isZero();
                assertThat(rig.metric("gridwatch_drone_photos_accepted_total", "source", "folder")).isZero();
                assertThat(rig.metric("gridwatch_drone_photos_refused_total", "reason", "truncated", "source", "folder")).as("waiting, not refused").isZero();
                assertThat(ingest.filesWaiting()).isEqualTo(1);
                assertThat(ingest.store().pathOf(PhotoIntake.sha256(photo))).doesNotExist();

                ch.write(ByteBuffer.wrap(photo, photo.length / 2, photo.length - photo.length / 2));
                ch.force(true);
            }
            await().atMost(60, TimeUnit.SECONDS).until(() -> analysis.total() == 1);
            letItLook(ingest, 10, 3 * DroneTestRig.SETTLE_SECONDS);

            assertThat(analysis.total()).isEqualTo(1);
            PatrolPhoto taken = analysis.finished.getFirst();
            assertThat(taken.sha256()).as("the whole photo").isEqualTo(PhotoIntake.sha256(photo));
            assertThat(taken.bytes()).isEqualTo(photo.length);
            assertThat(taken.patrolId()).isEqualTo("patrol-C");
            assertThat(Files.readAllBytes(taken.storedPath())).isEqualTo(photo);
            assertThat(ingest.filesWaiting()).isZero();
        }
    }

    @Test
    void aRestartMidPatrolAnalysesEveryPhotoExactlyOnceIncludingThoseCopiedWhileDown() throws Exception {
        Path folder = dir.resolve("flighthub");
        Path store = dir.resolve("store");
        List<String> photos = DronePhotos.BRIGHTON;
        RecordingAnalysis first = new RecordingAnalysis(3);   // holds the worker on the third photo
        DroneIngest ingest = rig.ingest(store, first, DroneTestRig.folder(folder));
        try {
            ingest.start(rig.sink);
            for (String p : photos) {
                copy(p, folder.resolve("patrol-R").resolve(p));
            }
            await().atMost(60, TimeUnit.SECONDS).until(() -> first.started.get() == 3
                    && rig.metric("gridwatch_drone_photos_accepted_total", "source", "folder") == photos.size());

            // Stop while the third photo is being analysed: it finishes, the three after it stay pending.
            Thread closer = new Thread(ingest::close, "closer");
            closer.start();
            await().atMost(30, TimeUnit.SECONDS).until(ingest::stopping);
            first.release();
            closer.join(60_000);
            assertThat(closer.isAlive()).isFalse();
        } finally {
            first.release();
            ingest.close();
        }
        assertThat(first.finished).hasSize(3);
        assertThat(first.total()).isEqualTo(3);

        // While the gateway is down, two more photos of the patrol arrive.
        copy("agung_DJI_20251001132715_0396_D_POOR_SHARPNESS.JPG", folder.resolve("patrol-R/DJI_0396.JPG"));
        copy("webodm_tiny_drone_image.jpg", folder.resolve("patrol-R/tiny.jpg"));

        DroneTestRig again = new DroneTestRig();
        RecordingAnalysis second = new RecordingAnalysis();
        try (DroneIngest restarted = again.ingest(store, second, DroneTestRig.folder(folder))) {
            restarted.start(again.sink);
            await().atMost(60, TimeUnit.SECONDS).until(() -> second.total() == 5);
            letItLook(restarted, 10, 3 * DroneTestRig.SETTLE_SECONDS);
            assertThat(second.total()).isEqualTo(5);
            assertThat(again.metric("gridwatch_drone_photos_accepted_total", "source", "folder")).as("only the two new files").isEqualTo(2);
            assertThat(again.metric("gridwatch_drone_photos_duplicate_total", "source", "folder")).as("no file read again").isZero();
            assertThat(again.metric("gridwatch_drone_photos_pending")).isZero();
        }

        Set<String> all = new HashSet<>();
        for (String p : photos) {
            all.add(sha(p));
        }
        all.add(sha("agung_DJI_20251001132715_0396_D_POOR_SHARPNESS.JPG"));
        all.add(sha("webodm_tiny_drone_image.jpg"));
        Set<String> firstRun = first.calls.keySet();
        Set<String> secondRun = second.calls.keySet();
        assertThat(firstRun).doesNotContainAnyElementsOf(secondRun);
        Set<String> union = new HashSet<>(firstRun);
        union.addAll(secondRun);
        assertThat(union).isEqualTo(all);
        assertThat(second.calls.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(second.finished.subList(0, 3)).as("the pending photos first, in the order accepted")
                .extracting(PatrolPhoto::originalName).doesNotContain("patrol-R/DJI_0396.JPG", "patrol-R/tiny.jpg");
    }
}
