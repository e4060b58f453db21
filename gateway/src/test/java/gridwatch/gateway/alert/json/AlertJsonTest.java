package gridwatch.gateway.alert.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gridwatch.config.model.GridCell;
import gridwatch.config.model.Location;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Measurement;
import gridwatch.detectors.core.Severity;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.EvidenceOmission;
import gridwatch.gateway.alert.EndReason;
import gridwatch.gateway.alert.Category;
import gridwatch.gateway.alert.DeviceRef;
import gridwatch.gateway.alert.Lifecycle;
import gridwatch.gateway.support.AlertSchemas;
import gridwatch.detectors.core.GroundLocation;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Our one-pass encoder against the CloudEvents SDK's own reader: the spec's attributes, and the data intact. */
class AlertJsonTest {

    private final Alert alert = new Alert(UUID.fromString("01a20808-6b77-7035-916a-afbf8c4b60b5"),
            UUID.fromString("01a20808-4470-7bbf-a520-bb47d57176b3"), 2, "box-1", "noise.construction",
            new Category("03-01", "施工扰民", "event", "CJT214"), Severity.ORANGE, Lifecycle.UPDATE, "loud",
            new DeviceRef("noise-1", "东门 meter", "decibel-meter-rs485"), new Location(31.17, 121.43), "cell-1",
            new GridCell("310104007012", "漕河泾街道 第12网格"), null, null, Instant.parse("2026-11-20T14:05:00Z"),
            Instant.parse("2026-11-20T14:00:00Z"), Instant.parse("2026-11-20T14:05:00.123456Z"), "Leq 75.3 over 70",
            List.of(new Measurement("Leq", 75.3, "dB(A)")),
            List.of(new Evidence("series", "application/json", null, Map.of("resource", "Leq", "unit", "dB(A)",
                    "points", List.of(Map.of("t", "2026-11-20T14:05:00Z", "v", 75.3))))));

    @Test
    void theCloudEventsSdkReadsOurEncodingAsAValidV1Event() throws Exception {
        byte[] bytes = new AlertJson().encode(alert);
        CloudEvent e = new JsonFormat().deserialize(bytes);
        assertThat(e.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(e.getId()).isEqualTo(alert.alertId().toString());
        assertThat(e.getSource().toString()).isEqualTo("/gridwatch/box-1/devices/noise-1");
        assertThat(e.getType()).isEqualTo("io.gridwatch.alert.noise.construction");
        assertThat(e.getSubject()).isEqualTo("noise-1");
        assertThat(e.getTime().toInstant()).as("when it happened, not when it was produced").isEqualTo(alert.observedAt());
        assertThat(e.getDataContentType()).isEqualTo("application/json");
        assertThat(e.getDataSchema().toString()).isEqualTo("https://gridwatch.io/schema/v1/alert-data.schema.json");
        assertThat(e.getExtension("incidentid")).isEqualTo(alert.incidentId().toString());
        assertThat(e.getExtension("lifecycle")).isEqualTo("update");
        assertThat(e.getExtension("severity")).isEqualTo("orange");

        JsonNode data = new ObjectMapper().readTree(e.getData().toBytes());
        assertThat(data.get("alertId").asText()).isEqualTo(e.getId());
        assertThat(data.at("/category/nameZh").asText()).isEqualTo("施工扰民");
        assertThat(data.at("/gridCell/name").asText()).isEqualTo("漕河泾街道 第12网格");
        assertThat(data.get("severity").asText()).isEqualTo("orange");
        assertThat(data.get("producedAt").asText()).isEqualTo("2026-11-20T14:05:00.123456Z");
        assertThat(data.at("/measurements/0/value").asDouble()).isEqualTo(75.3);
    }

    @Test
    void aLocatedObjectCarriesItsGroundLocationAndKeyAndTheSchemaAcceptsIt() throws Exception {
        Alert located = new Alert(alert.alertId(), alert.incidentId(), 0, "box-1", "garbage.pile", alert.category(),
                Severity.YELLOW, Lifecycle.START, "pile", new DeviceRef("drone-1", "巡逻无人机", "drone"), null, null, null,
                new GroundLocation(31.1702, 121.4305, 12.5), "obj-17", alert.observedAt(), alert.startedAt(),
                alert.producedAt(), "垃圾堆 obj-17", List.of(), List.of());
        JsonNode event = new ObjectMapper().readTree(new AlertJson().encode(located));
        assertThat(event.at("/data/groundLocation/uncertaintyM").asDouble()).isEqualTo(12.5);
        assertThat(event.at("/data/objectKey").asText()).isEqualTo("obj-17");
        assertThat(SCHEMAS.envelopeErrors(event)).isEmpty();
        assertThat(SCHEMAS.dataErrors(event.get("data"))).isEmpty();
    }

    @Test
    void aDeviceAlertHasNoGroundLocationNorObjectKeyAndTheSchemaAcceptsIt() throws Exception {
        JsonNode event = new ObjectMapper().readTree(new AlertJson().encode(alert));
        assertThat(event.get("data").has("groundLocation")).isFalse();
        assertThat(event.get("data").has("objectKey")).isFalse();
        assertThat(SCHEMAS.envelopeErrors(event)).isEmpty();
        assertThat(SCHEMAS.dataErrors(event.get("data"))).isEmpty();
    }

    private static final AlertSchemas SCHEMAS = new AlertSchemas();

    /**
     * The data part is written field by field for speed; Jackson's databind over the record, into bytes as before (its
     * UTF-8 generator escapes a character outside the BMP, its text one does not), is the reference it must equal byte
     * for byte, over alerts with every optional part present and absent, odd text and odd numbers.
     */
    @Test
    void dataWrittenByHandIsWhatDatabindWritesForTheRecord() throws Exception {
        ObjectMapper reference = AlertJson.mapper();
        AlertJson json = new AlertJson();
        GroundLocation ground = new GroundLocation(31.1712345678, 121.4298765, 4.5,
                new GroundLocation.GroundCell("310104007012", null, true,
                        List.of(new GroundLocation.CellRef("310104007013", "第13网格"), new GroundLocation.CellRef("310104007014", null))));
        List<Alert> alerts = List.of(alert,
                new Alert(alert.alertId(), alert.incidentId(), 0, "box \"1\"", "garbage.pile",
                        new Category("01-02", "暴露垃圾", "event", null), Severity.RED, Lifecycle.END, EndReason.NOT_SEEN_AGAIN,
                        "drone-objects", new DeviceRef("drone-1", null, null), null, null, null, ground, "obj\t7",
                        Instant.parse("2026-11-20T14:05:00.5Z"), Instant.parse("2026-11-20T14:00:00Z"),
                        Instant.parse("2026-11-20T14:05:00.000000001Z"), "line\nbreak </script> \u2028 \uD83D\uDE9A",
                        List.of(new Measurement("a", Double.NaN, "x"), new Measurement("b", -0.0, "y"),
                                new Measurement("c", 1e-9, "z"), new Measurement("d", 12345678901234.5, "m"),
                                new Measurement("e", Double.POSITIVE_INFINITY, "m"),
                                // A device profile may name no unit for a resource: databind left the field out.
                                unitless("f", 3.5)),
                        List.of(new Evidence("drone-crop", "image/jpeg", "photos/p1/DJI_0027.JPG", "AAEC"),
                                new Evidence("snapshot", "image/jpeg", null, null),
                                new Evidence("noise-window", "application/json", null,
                                        Map.of("leq", 71.25, "samples", List.of(1, 2.5, -3), "nested", Map.of("ok", true)))),
                        List.of(new EvidenceOmission("best-view", "image/jpeg", EvidenceOmission.MESSAGE_SIZE, 812_345))),
                new Alert(alert.alertId(), alert.incidentId(), 7, "box-1", "water.level", alert.category(), Severity.BLUE,
                        Lifecycle.START, null, "river", new DeviceRef("gauge", "河道 gauge", null), new Location(-0.0, 180),
                        "", new GridCell("c", null), null, null, alert.observedAt(), alert.startedAt(), alert.producedAt(), "",
                        List.of(), List.of(), List.of()),
                // Text from the config is cached once quoted: quotes, control chars and a char outside the BMP in it;
                // evidence data of every shape the hand-written path takes, and some it hands to the mapper.
                new Alert(alert.alertId(), alert.incidentId(), 3, "box-1", "noise.construction",
                        new Category("03-01", "施工\t扰民 \"夜间\" \uD83D\uDE9A", "event", "CJT214"), Severity.ORANGE, Lifecycle.UPDATE,
                        null, "loud", new DeviceRef("noise-1", "噪声 \\ 1", "decibel-meter"), new Location(31.17, 121.43), "z1",
                        new GridCell("310104007012", "漕河泾街道 第12网格"), null, null, alert.observedAt(), alert.startedAt(),
                        alert.producedAt(), "s", List.of(new Measurement("Leq", 75.25, "dB(A)"), unitless("Leq", 70)),
                        List.of(new Evidence("series", "application/json", null, openData())), List.of()));
        for (Alert a : alerts) {
            JsonNode envelope = new ObjectMapper().readTree(json.encode(a));
            String ours = new String(json.encode(a), java.nio.charset.StandardCharsets.UTF_8);
            String data = ours.substring(ours.indexOf("\"data\":") + 7, ours.length() - 1);
            assertThat(data).as("data of %s", a.type()).isEqualTo(new String(reference.writeValueAsBytes(a), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(envelope.get("data").get("alertId").asText()).isEqualTo(a.alertId().toString());
        }
    }

    /** Maps with null values, lists with nulls, longs, floats, big decimals, times, empty containers, nesting. */
    private static Map<String, Object> openData() {
        Map<String, Object> withNull = new java.util.LinkedHashMap<>();
        withNull.put("gone", null);
        withNull.put("kept", "v \"q\"\n");
        List<Object> listWithNull = new java.util.ArrayList<>(List.of(1, 2L, 3.5f));
        listWithNull.add(null);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("points", List.of(Map.of("t", "2026-11-20T14:00:00Z", "v", 75.0), Map.of("t", "2026-11-20T14:00:01Z", "v", -0.0)));
        data.put("withNull", withNull);
        data.put("list", listWithNull);
        data.put("big", new java.math.BigDecimal("12345678901234567890.125"));
        data.put("long", Long.MIN_VALUE);
        data.put("at", Instant.parse("2026-11-20T14:00:00.5Z"));
        data.put("empty", Map.of());
        data.put("none", List.of());
        data.put("flag", false);
        data.put("nan", Double.NaN);
        data.put("intKeys", Map.of(1, "one"));
        return data;
    }

    /** A reading whose device profile names no unit carries null, whatever the type says. */
    private static Measurement unitless(String name, double value) {
        return new Measurement(name, value, null);
    }
}
