package gridwatch.gateway.alert.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import gridwatch.detectors.core.Severity;
import com.fasterxml.jackson.databind.ObjectWriter;
import gridwatch.config.model.GridCell;
import gridwatch.config.model.Location;
import gridwatch.detectors.core.Evidence;
import gridwatch.detectors.core.Measurement;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.Category;
import gridwatch.gateway.alert.DeviceRef;
import gridwatch.gateway.alert.EvidenceOmission;
import org.jspecify.annotations.Nullable;
import gridwatch.gateway.alert.EndReason;
import gridwatch.gateway.alert.Lifecycle;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Encodes an alert as a CloudEvents 1.0 structured-mode JSON document (the form the CloudEvents
 * MQTT binding uses for MQTT 3.1.1 and allows for 5): the CloudEvents {@code id} is the alert
 * id, {@code data} the alert in camelCase, {@code time} when what it reports happened (the alert's
 * observed time; when it was produced is {@code data.producedAt}). The envelope's schema is
 * {@code docs/api/alert.schema.json}; {@code dataschema} names the schema {@code data} follows,
 * {@code docs/api/alert-data.schema.json}. Thread-safe.
 */
public final class AlertJson {

    public static final String EVENT_TYPE_PREFIX = "io.gridwatch.alert.";
    /** The {@code $id} of {@code docs/api/alert-data.schema.json}: what {@code data} follows. */
    public static final URI DATA_SCHEMA = URI.create("https://gridwatch.io/schema/v1/alert-data.schema.json");
    /** Lower-case charset: the CloudEvents JS SDK's HTTP binding refuses {@code UTF-8} (an MQTT-to-HTTP bridge copies it). */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private final ObjectMapper mapper = mapper();
    /** For the open-ended parts (evidence data, a ground location) inside a document being written: no flush each. */
    private final ObjectWriter nested = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /** The mapper for alert data: ISO-8601 UTC times, lower-case enums, no nulls. */
    public static ObjectMapper mapper() {
        SimpleModule wire = new SimpleModule("gridwatch-wire");
        wire.addSerializer(Severity.class, new JsonSerializer<>() {
            @Override
            public void serialize(Severity s, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(s.wireName());
            }
        });
        wire.addSerializer(Lifecycle.class, new JsonSerializer<>() {
            @Override
            public void serialize(Lifecycle l, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(l.wireName());
            }
        });
        wire.addSerializer(EndReason.class, new JsonSerializer<>() {
            @Override
            public void serialize(EndReason r, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(r.wireName());
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(wire)
                // Record accessors called through generated lambdas instead of Method.invoke (a fifth of encoding).
                .addModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /**
     * Writes the envelope and the data in one pass with Jackson's streaming generator. The
     * CloudEvents SDK would serialise the data, then decode it back into a String to embed it;
     * on a 2-core box that double work was a fifth of the gateway's CPU per alert. Conformance
     * is checked in the tests by reading every encoded event back with the SDK's own JSON format.
     */
    public byte[] encode(Alert a) {
        // Into Jackson's recycled segments, as ObjectMapper.writeValueAsBytes does: for a payload within the first
        // recycled block (2,000 bytes, as a sensor alert is) the one array allocated is the payload itself; a larger
        // one (a picture inline) adds blocks of its own. A fresh ByteArrayOutputStream and its copy per alert were a
        // third of the pipeline's allocation.
        BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            write(a, out);
            return out.getClearAndRelease();   // hands the first segment back to the recycler for the next alert
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * {@code data}: the alert record as {@link #mapper()} writes it (component order, no nulls, an empty
     * {@code evidenceOmitted} left out), written field by field because databind's per-property dispatch was most
     * of the encoding's cost, and every alert is encoded. The parts whose shape is open (evidence data, a ground
     * location) still go through the mapper. {@code AlertJsonTest} holds the two byte-for-byte equal over alerts of
     * every shape.
     */
    private void writeData(JsonGenerator g, Alert a) throws IOException {
        g.writeStartObject();
        optional(g, "alertId", text(a.alertId()));
        optional(g, "incidentId", text(a.incidentId()));
        g.writeNumberField("revision", a.revision());
        optional(g, "gatewayId", a.gatewayId());
        optional(g, "type", a.type());
        Category c = a.category();
        if (c != null) {
            g.writeObjectFieldStart("category");
            optional(g, "code", c.code());
            optional(g, "nameZh", c.nameZh());
            optional(g, "caseType", c.caseType());
            optional(g, "scheme", c.scheme());
            g.writeEndObject();
        }
        optional(g, "severity", a.severity() == null ? null : a.severity().wireName());
        optional(g, "lifecycle", a.lifecycle() == null ? null : a.lifecycle().wireName());
        if (a.endReason() != null) {
            optional(g, "endReason", a.endReason().wireName());
        }
        optional(g, "ruleId", a.ruleId());
        DeviceRef d = a.device();
        if (d != null) {
            g.writeObjectFieldStart("device");
            optional(g, "id", d.id());
            optional(g, "name", d.name());
            optional(g, "profile", d.profile());
            g.writeEndObject();
        }
        Location l = a.location();
        if (l != null) {
            g.writeObjectFieldStart("location");
            g.writeNumberField("lat", l.lat());
            g.writeNumberField("lon", l.lon());
            g.writeEndObject();
        }
        optional(g, "zone", a.zone());
        GridCell cell = a.gridCell();
        if (cell != null) {
            g.writeObjectFieldStart("gridCell");
            optional(g, "code", cell.code());
            optional(g, "name", cell.name());
            g.writeEndObject();
        }
        if (a.groundLocation() != null) {
            g.writeFieldName("groundLocation");
            nested.writeValue(g, a.groundLocation());
        }
        optional(g, "objectKey", a.objectKey());
        optional(g, "observedAt", text(a.observedAt()));
        optional(g, "startedAt", text(a.startedAt()));
        optional(g, "producedAt", text(a.producedAt()));
        optional(g, "summary", a.summary());
        g.writeArrayFieldStart("measurements");
        for (Measurement m : a.measurements()) {
            g.writeStartObject();
            optional(g, "name", m.name());
            g.writeNumberField("value", m.value());
            optional(g, "unit", m.unit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("evidence");
        for (Evidence e : a.evidence()) {
            g.writeStartObject();
            optional(g, "kind", e.kind());
            optional(g, "mediaType", e.mediaType());
            optional(g, "ref", e.ref());
            if (e.data() != null) {
                g.writeFieldName("data");
                nested.writeValue(g, e.data());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!a.evidenceOmitted().isEmpty()) {
            g.writeArrayFieldStart("evidenceOmitted");
            for (EvidenceOmission o : a.evidenceOmitted()) {
                g.writeStartObject();
                optional(g, "kind", o.kind());
                optional(g, "mediaType", o.mediaType());
                optional(g, "reason", o.reason());
                g.writeNumberField("bytes", o.bytes());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * A string field, left out when null, as databind's NON_NULL did for every field, whether or not its record
     * declares it nullable: a reading's unit, for one, may be absent when its device profile names none.
     */
    private static void optional(JsonGenerator g, String name, @Nullable String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private void write(Alert a, ByteArrayBuilder out) {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("specversion", "1.0");
            g.writeStringField("id", a.alertId().toString());
            g.writeStringField("source", "/gridwatch/" + a.gatewayId() + "/devices/" + a.device().id());
            g.writeStringField("type", EVENT_TYPE_PREFIX + a.type());
            g.writeStringField("datacontenttype", "application/json");
            g.writeStringField("dataschema", DATA_SCHEMA.toString());
            g.writeStringField("subject", a.device().id());
            // CloudEvents: "when the occurrence happened". Buffered or replayed data is produced long after that.
            g.writeStringField("time", a.observedAt().toString());
            g.writeStringField("incidentid", a.incidentId().toString());
            g.writeStringField("lifecycle", a.lifecycle().wireName());
            g.writeStringField("severity", a.severity().wireName());
            g.writeFieldName("data");
            writeData(g, a);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
