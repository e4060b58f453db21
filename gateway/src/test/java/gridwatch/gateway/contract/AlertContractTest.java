package gridwatch.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import gridwatch.gateway.contract.AsyncApiExamples.Example;
import gridwatch.gateway.support.AlertSchemas;
import gridwatch.gateway.support.WireCapture.Received;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert contract as the center's developers meet it: the demo's scenarios run through the real gateway into a real
 * mosquitto, and every message an independent subscriber receives is checked against what {@code docs/api} publishes:
 * the envelope schema, the data schema its {@code dataschema} names (a real JSON Schema validator, draft-07 as the
 * AsyncAPI document declares, formats asserted), the CloudEvents attributes and MQTT 5 properties the document
 * promises, one case per incident; and the document's examples are these messages. The messages are also written to
 * {@code target/contract/alerts.jsonl}, where {@code scripts/contract-check} reads them with the official CloudEvents
 * SDK and a second validator.
 */
@Tag("servers")
class AlertContractTest {

    private static final String ALERTS = "gridwatch/v1/" + DemoTraffic.GATEWAY + "/alerts/";
    private static final List<String> VOLATILE = List.of("/payload/id", "/payload/incidentid", "/payload/data/alertId",
            "/payload/data/incidentId", "/payload/data/producedAt", "/headers/incidentid");
    private static final AlertSchemas SCHEMAS = new AlertSchemas();

    @TempDir
    static Path dir;
    private static List<Received> alerts;

    @BeforeAll
    static void runTheDemo() throws Exception {
        alerts = DemoTraffic.run(dir).stream().filter(r -> r.topic().startsWith(ALERTS)).toList();
        Path out = Files.createDirectories(Path.of("target/contract")).resolve("alerts.jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (Received r : alerts) {
            ObjectNode line = json.createObjectNode();
            line.put("topic", r.topic());
            line.put("contentType", r.contentType());
            line.set("userProperties", headers(r));
            line.put("payload", new String(r.payload(), StandardCharsets.UTF_8));
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        Files.writeString(out, lines, StandardCharsets.UTF_8);
    }

    @Test
    void everyScenarioOfTheDemoArrives() {
        assertThat(alerts).extracting(r -> r.json().at("/data/category/nameZh").asText()).contains("社会生活噪声", "施工扰民", "水位超警");
        assertThat(alerts.size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void everyMessageFollowsTheEnvelopeSchemaAndItsDataTheSchemaItsDataschemaNames() {
        for (Received r : alerts) {
            JsonNode e = r.json();
            assertThat(SCHEMAS.envelopeErrors(e)).as("alert.schema.json on %s", e.get("id")).isEmpty();
            assertThat(e.get("dataschema").asText()).isEqualTo(AlertSchemas.BASE + "alert-data.schema.json");
            assertThat(SCHEMAS.dataErrors(e.get("data"))).as("alert-data.schema.json on the data of %s", e.get("id")).isEmpty();
        }
    }

    @Test
    void everyMessageIsTheCloudEventTheDocumentPromisesWithItsMqttProperties() {
        for (Received r : alerts) {
            JsonNode e = r.json();
            JsonNode d = e.get("data");
            assertThat(r.contentType()).as("MQTT 5 content type").isEqualTo("application/cloudevents+json; charset=utf-8");
            assertThat(r.topic()).isEqualTo(ALERTS + d.get("type").asText());
            assertThat(e.get("type").asText()).isEqualTo("io.gridwatch.alert." + d.get("type").asText());
            assertThat(e.get("time").asText()).as("CloudEvents time is when it happened").isEqualTo(d.get("observedAt").asText());
            assertThat(e.get("id").asText()).isEqualTo(d.get("alertId").asText());
            assertThat(e.get("incidentid").asText()).isEqualTo(d.get("incidentId").asText());
            assertThat(e.get("lifecycle").asText()).isEqualTo(d.get("lifecycle").asText());
            assertThat(e.get("severity").asText()).isEqualTo(d.get("severity").asText());
            assertThat(e.get("source").asText()).isEqualTo("/gridwatch/" + DemoTraffic.GATEWAY + "/devices/" + d.at("/device/id").asText());
            Duration idToProduced = Duration.between(uuidV7Time(e.get("id").asText()), Instant.parse(d.get("producedAt").asText())).abs();
            assertThat(idToProduced).as("the id's UUIDv7 time is when it was produced").isLessThan(Duration.ofSeconds(1));
        }
    }

    /**
     * Brokers and bridges route on MQTT 5 user properties without parsing the payload: every alert carries its type,
     * severity, lifecycle step, incident and device (each named as the CloudEvents attribute it repeats, with its value)
     * and its grid cell, as {@code alert-headers.schema.json} (the AsyncAPI message's headers) declares.
     */
    @Test
    void everyMessageCarriesItsRoutingAsTheMqttUserPropertiesTheDocumentDeclares() throws Exception {
        JsonSchema declared = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                        b -> b.schemaMappers(m -> m.mapPrefix(AlertSchemas.BASE, AlertSchemas.DIR.toUri().toString())))
                .getSchema(SchemaLocation.of(AlertSchemas.BASE + "alert-headers.schema.json"));
        assertThat(AsyncApiExamples.committed("/components/messages/alert/headers/schema/$ref").asText())
                .as("the AsyncAPI message's headers").isEqualTo("./alert-headers.schema.json");
        for (Received r : alerts) {
            JsonNode e = r.json();
            assertThat(r.utf8()).as("payload format indicator: UTF-8").isTrue();
            assertThat(r.messageExpiry()).as("the demo's center asks for no expiry").isNull();
            assertThat(r.userProperties()).extracting(Map.Entry::getKey).doesNotHaveDuplicates();
            assertThat(declared.validate(headers(r))).as("alert-headers.schema.json on %s", r.userProperties()).isEmpty();
            for (String attribute : List.of("type", "severity", "lifecycle", "incidentid", "subject")) {
                assertThat(r.userProperty(attribute)).as("user property %s", attribute).contains(e.get(attribute).asText());
            }
            assertThat(r.userProperty("gridcell")).contains(e.at("/data/gridCell/code").asText());
        }
        // And wrong properties are caught: the check above is not vacuous.
        ObjectNode wrong = headers(alerts.getFirst());
        wrong.put("severity", "purple");
        assertThat(declared.validate(wrong)).isNotEmpty();
    }

    /** The per-message bound is part of the contract: stated where the center's developers read, and kept. */
    @Test
    void theContractStatesThePerMessageBoundAndEveryMessageKeepsIt() throws Exception {
        for (String doc : List.of("asyncapi.yaml", "consuming-alerts.md", "alert.schema.json", "alert-data.schema.json")) {
            assertThat(Files.readString(AlertSchemas.DIR.resolve(doc), StandardCharsets.UTF_8)).as(doc).contains("128 KiB");
        }
        assertThat(Files.readString(AlertSchemas.DIR.resolve("alert-data.schema.json"), StandardCharsets.UTF_8)).contains("\"evidenceOmitted\"");
        assertThat(alerts).allSatisfy(r -> assertThat(r.payload().length).isLessThanOrEqualTo(127 * 1024));
    }

    @Test
    void eachIncidentIsOneStartThenUpdatesThenOneEndInOrder() {
        Map<String, List<JsonNode>> byIncident = new LinkedHashMap<>();
        for (Received r : alerts) {
            byIncident.computeIfAbsent(r.json().at("/data/incidentId").asText(), k -> new ArrayList<>()).add(r.json().get("data"));
        }
        assertThat(byIncident).hasSizeGreaterThanOrEqualTo(3);
        byIncident.forEach((incident, messages) -> {
            assertThat(messages).extracting(m -> m.get("revision").asInt()).as(incident)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, messages.size()).boxed().toList());
            assertThat(messages.getFirst().get("lifecycle").asText()).isEqualTo("start");
            assertThat(messages.getLast().get("lifecycle").asText()).isEqualTo("end");
            assertThat(messages.getLast().get("endReason").asText()).isEqualTo("cleared");
            assertThat(messages.subList(1, messages.size() - 1)).allSatisfy(m -> assertThat(m.get("lifecycle").asText()).isEqualTo("update"));
        });
    }

    /** Each rule the schemas exist for, broken once: a validator that is not really engaged would pass these. */
    @Test
    void theSchemasRefuseTheDefectsTheyAreThereToCatch() {
        JsonNode noise = first(d -> d.at("/evidence/0/kind").asText().equals("noise-window"));
        assertThat(SCHEMAS.dataErrors(with(noise, "/evidence/0/data", "peak", 59.1))).as("unknown field in noise-window").isNotEmpty();
        assertThat(SCHEMAS.dataErrors(with(noise, "/evidence/0", "kind", "series"))).as("noise-window data under kind series").isNotEmpty();
        assertThat(SCHEMAS.dataErrors(with(noise, "/measurements/0", "unit", "dB"))).as("Leq in dB, not dB(A)").isNotEmpty();
        assertThat(SCHEMAS.dataErrors(with(noise, "", "alertId", UUID.randomUUID().toString()))).as("a UUIDv4 id").isNotEmpty();
        assertThat(SCHEMAS.dataErrors(with(noise, "", "observedAt", "2026-11-20 14:02"))).as("not RFC 3339").isNotEmpty();
        JsonNode end = first(d -> d.get("lifecycle").asText().equals("end"));
        assertThat(SCHEMAS.dataErrors(without(end, "endReason"))).as("an end without its reason").isNotEmpty();
        JsonNode snapshot = with(with(noise, "/evidence/0", "kind", "snapshot"), "/evidence/0", "mediaType", "image/jpeg");
        assertThat(SCHEMAS.dataErrors(with(snapshot, "/evidence/0", "data", "not base64 JPEG"))).as("a snapshot that is no JPEG").isNotEmpty();
        assertThat(SCHEMAS.dataErrors(with(snapshot, "/evidence/0", "data", "/9j/4AAQSkZJRgABAQ=="))).as("base64 JPEG").isEmpty();
        assertThat(SCHEMAS.dataErrors(with(noise, "/evidence/0", "kind", "radar-sweep"))).as("a kind this version does not know").isEmpty();
        Map<String, Object> omitted = Map.of("kind", "snapshot", "mediaType", "image/jpeg", "reason", "message-size", "bytes", 171_234);
        assertThat(SCHEMAS.dataErrors(with(noise, "", "evidenceOmitted", List.of(omitted)))).as("evidence left out, said so").isEmpty();
        assertThat(SCHEMAS.dataErrors(with(noise, "", "evidenceOmitted", List.of(Map.of("kind", "snapshot")))))
                .as("left out without saying why").isNotEmpty();
    }

    @Test
    void theAsyncApiExamplesAreRealMessagesFromThisRun() throws Exception {
        List<Example> examples = List.of(
                example("night-noise-start", "The square dance goes over the GB 3096 class 2 night limit: a case opens",
                        d -> d.get("ruleId").asText().equals("square-dance-night-noise") && d.get("lifecycle").asText().equals("start")),
                example("water-level-orange", "The river passes its warning level: the same case, now orange",
                        d -> d.get("ruleId").asText().equals("river-flood-watch") && d.get("severity").asText().equals("orange")),
                example("construction-noise-end", "Night work at the construction site has stopped: the case closes",
                        d -> d.get("ruleId").asText().equals("site-boundary-noise") && d.get("lifecycle").asText().equals("end")));
        List<String> diff = AsyncApiExamples.sync("alert examples", "/components/messages/alert/examples", examples, VOLATILE);
        assertThat(diff).as("docs/api/asyncapi.yaml alert examples vs the real messages; regenerate with %s", AsyncApiExamples.REGENERATE)
                .isEmpty();
        // The committed examples' own ids and times agree with each other (they are real, from an earlier run).
        for (JsonNode e : AsyncApiExamples.committed("/components/messages/alert/examples")) {
            JsonNode p = e.get("payload");
            assertThat(Duration.between(uuidV7Time(p.get("id").asText()), Instant.parse(p.at("/data/producedAt").asText())).abs())
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(SCHEMAS.envelopeErrors(p)).isEmpty();
        }
    }

    private static Received message(Predicate<JsonNode> data) {
        return alerts.stream().filter(r -> data.test(r.json().get("data"))).findFirst()
                .orElseThrow(() -> new AssertionError("no such message in the demo's traffic"));
    }

    private static JsonNode event(Predicate<JsonNode> data) {
        return message(data).json();
    }

    /** Its MQTT 5 user properties as one JSON object (their names do not repeat). */
    private static ObjectNode headers(Received r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        r.userProperties().forEach(u -> o.put(u.getKey(), u.getValue()));
        return o;
    }

    private static Example example(String name, String summary, Predicate<JsonNode> data) {
        Received r = message(data);
        return new Example(name, summary, headers(r), r.json());
    }

    private static JsonNode first(Predicate<JsonNode> data) {
        return event(data).get("data");
    }

    private static JsonNode with(JsonNode data, String at, String field, Object value) {
        JsonNode copy = data.deepCopy();
        ObjectNode target = (ObjectNode) (at.isEmpty() ? copy : copy.at(at));
        target.set(field, new ObjectMapper().valueToTree(value));
        return copy;
    }

    private static JsonNode without(JsonNode data, String field) {
        ObjectNode copy = data.deepCopy();
        copy.remove(field);
        return copy;
    }

    /** The Unix time in a UUIDv7's first 48 bits. */
    static Instant uuidV7Time(String id) {
        UUID u = UUID.fromString(id);
        assertThat(u.version()).as("UUIDv7: %s", id).isEqualTo(7);
        return Instant.ofEpochMilli(u.getMostSignificantBits() >>> 16);
    }
}
