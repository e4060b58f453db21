package gridwatch.gateway.drone;

import gridwatch.config.model.EdgeConfig;
import gridwatch.detectors.core.Evidence;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.Lifecycle;
import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.geo.earth.LatLon;
import gridwatch.geo.earth.Wgs84;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, item 7, on a STAGED second patrol (the shared photos hold one flight): patrol 1 is the real photos 0032
 * and 0026 of the Brighton lot; patrol 2, "a day later", is 0026 again with the cars at the lot's edge covered by
 * bare gravel from beside them and a real car from 0032 put on the road. Compared object by object after registering
 * the photos image to image, the cars that were covered are reported vanished where patrol 1 saw them, the pasted one
 * appeared where it stands, and nothing else changed (no pixel differencing: the real parallax of two photos 14 s
 * apart would light up 38 % of the overlap).
 */
@Tag("models")
class DronePatrolChangeTest {

    @TempDir
    Path box;

    private static double analysed(Gateway g) {
        Matcher m = Pattern.compile("(?m)^gridwatch_drone_photos_processed_total\\{outcome=\"analysed\"} (\\S+)$").matcher(g.metrics().scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void carsCoveredAndACarAddedBetweenTwoPatrolsAreReportedVanishedAndAppeared() throws Exception {
        Path file = DroneBoxes.write(box, "tcp://127.0.0.1:1", "");
        EdgeConfig cfg = new GatewayConfigLoader().load(file);
        Queue<Alert> stored = new ConcurrentLinkedQueue<>();
        byte[] staged = StagedPhoto.of(DroneBoxes.photo("brighton_DJI_0026_w1000.jpg"))
                .cover(935, 355, 45, 145, 890, 355).cover(980, 355, 20, 145, 890, 355)    // the lot's edge: gravel over the cars
                .paste(DroneBoxes.photo("brighton_DJI_0032_w1000.jpg"), 572, 330, 70, 118, 760, 240)   // 0032's silver car, on the road
                .jpeg("2016:06:23", "2016:06:24");
        try (Gateway g = Gateway.start(file, cfg, stored::add)) {
            Path first = Files.createDirectories(box.resolve("dji-sync/2016-06-23"));
            Files.copy(DroneBoxes.photo("brighton_DJI_0032_w1000.jpg"), first.resolve("DJI_0032.JPG"));
            await().atMost(120, TimeUnit.SECONDS).until(() -> analysed(g) == 1);
            Files.copy(DroneBoxes.photo("brighton_DJI_0026_w1000.jpg"), first.resolve("DJI_0026.JPG"));
            await().atMost(120, TimeUnit.SECONDS).until(() -> analysed(g) == 2);
            Path second = Files.createDirectories(box.resolve("dji-sync/2016-06-24"));
            Files.write(second.resolve("DJI_0026.JPG"), staged);
            await().atMost(180, TimeUnit.SECONDS).until(() -> analysed(g) == 3);
            // No uplink here: the alerts are taken as they are stored. The photo's findings are handed over together, appeared first.
            await().atMost(30, TimeUnit.SECONDS).until(() -> stored.stream().anyMatch(a -> a.type().equals("drone.change.vanished")));
        }
        List<Alert> starts = stored.stream().filter(a -> a.lifecycle() == Lifecycle.START).toList();
        List<Alert> vanished = starts.stream().filter(a -> a.type().equals("drone.change.vanished")).toList();
        List<Alert> appeared = starts.stream().filter(a -> a.type().equals("drone.change.appeared")).toList();
        LatLon lotEdge = new LatLon(46.84240, -91.99378);   // where patrol 1 located the cars at the lot's edge
        assertThat(vanished).isNotEmpty().allSatisfy(a -> {
            assertThat(a.summary()).contains("registered").contains("seen in patrol 2016-06-23");
            assertThat(Wgs84.distanceM(new LatLon(a.groundLocation().lat(), a.groundLocation().lon()), lotEdge)).isLessThan(8);
            assertThat(a.gridCell().code()).startsWith("990001001001");
            assertThat(a.evidence()).extracting(Evidence::kind).containsOnly("drone-crop");
            assertThat(a.evidence().getFirst().ref()).as("the earlier patrol's photo first").doesNotContain(PhotoSha.of(staged));
        });
        assertThat(appeared).singleElement().satisfies(a -> {
            assertThat(a.summary()).contains("was not there in patrol 2016-06-23").contains("registered");
            assertThat(Wgs84.distanceM(new LatLon(a.groundLocation().lat(), a.groundLocation().lon()), lotEdge)).isGreaterThan(10);
            Evidence now = a.evidence().getLast();
            assertThat(now.ref()).startsWith("sha256:" + PhotoSha.of(staged) + "#xywh=");
            int[] r = PhotoSha.region(now.ref());
            assertThat(r[0]).isLessThan(795);            // the crop holds the pasted car's centre (795, 299)
            assertThat(r[0] + r[2]).isGreaterThan(795);
            assertThat(r[1]).isLessThan(299);
            assertThat(r[1] + r[3]).isGreaterThan(299);
        });
        // Patrol 2's photo is the same ground a day later: nothing else changed, and its cars are not reported again as sightings of patrol 1.
        assertThat(starts).filteredOn(a -> a.type().startsWith("drone.change")).hasSize(vanished.size() + 1);
    }
}
