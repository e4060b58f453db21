package gridwatch.gateway.alert.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
import gridwatch.gateway.alert.BoundedMemo;
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

    // Field names quoted and UTF-8 encoded once, as databind keeps its property names: writing a name from a String
    // checks every char for escaping each time, and an alert has some fifty of them.
    private static final SerializableString N_ALERT_ID = prepared("alertId");
    private static final SerializableString N_BYTES = prepared("bytes");
    private static final SerializableString N_CASE_TYPE = prepared("caseType");
    private static final SerializableString N_CATEGORY = prepared("category");
    private static final SerializableString N_CODE = prepared("code");
    private static final SerializableString N_DATA = prepared("data");
    private static final SerializableString N_DATACONTENTTYPE = prepared("datacontenttype");
    private static final SerializableString N_DATASCHEMA = prepared("dataschema");
    private static final SerializableString N_DEVICE = prepared("device");
    private static final SerializableString N_END_REASON = prepared("endReason");
    private static final SerializableString N_EVIDENCE = prepared("evidence");
    private static final SerializableString N_EVIDENCE_OMITTED = prepared("evidenceOmitted");
    private static final SerializableString N_GATEWAY_ID = prepared("gatewayId");
    private static final SerializableString N_GRID_CELL = prepared("gridCell");
    private static final SerializableString N_GROUND_LOCATION = prepared("groundLocation");
    private static final SerializableString N_ID = prepared("id");
    private static final SerializableString N_INCIDENT_ID = prepared("incidentId");
    private static final SerializableString N_INCIDENTID = prepared("incidentid");
    private static final SerializableString N_KIND = prepared("kind");
    private static final SerializableString N_LAT = prepared("lat");
    private static final SerializableString N_LIFECYCLE = prepared("lifecycle");
    private static final SerializableString N_LOCATION = prepared("location");
    private static final SerializableString N_LON = prepared("lon");
    private static final SerializableString N_MEASUREMENTS = prepared("measurements");
    private static final SerializableString N_MEDIA_TYPE = prepared("mediaType");
    private static final SerializableString N_NAME = prepared("name");
    private static final SerializableString N_NAME_ZH = prepared("nameZh");
    private static final SerializableString N_OBJECT_KEY = prepared("objectKey");
    private static final SerializableString N_OBSERVED_AT = prepared("observedAt");
    private static final SerializableString N_PRODUCED_AT = prepared("producedAt");
    private static final SerializableString N_PROFILE = prepared("profile");
    private static final SerializableString N_REASON = prepared("reason");
    private static final SerializableString N_REF = prepared("ref");
    private static final SerializableString N_REVISION = prepared("revision");
    private static final SerializableString N_RULE_ID = prepared("ruleId");
    private static final SerializableString N_SCHEME = prepared("scheme");
    private static final SerializableString N_SEVERITY = prepared("severity");
    private static final SerializableString N_SOURCE = prepared("source");
    private static final SerializableString N_SPECVERSION = prepared("specversion");
    private static final SerializableString N_STARTED_AT = prepared("startedAt");
    private static final SerializableString N_SUBJECT = prepared("subject");
    private static final SerializableString N_SUMMARY = prepared("summary");
    private static final SerializableString N_TIME = prepared("time");
    private static final SerializableString N_TYPE = prepared("type");
    private static final SerializableString N_UNIT = prepared("unit");
    private static final SerializableString N_VALUE = prepared("value");
    private static final SerializableString N_ZONE = prepared("zone");

    private static final SerializableString SPEC_VERSION = prepared("1.0");
    private static final SerializableString DATA_CONTENT_TYPE = prepared("application/json");
    private static final SerializableString DATA_SCHEMA_TEXT = prepared(DATA_SCHEMA.toString());

    private static final int MAX_KNOWN_VALUES = 4096;
    /** Marks known text that Jackson's quoting would encode differently from the generator (see {@link #encodesAlike}). */
    private static final SerializableString WRITE_AS_IS = new SerializedString("");

    private final ObjectMapper mapper = mapper();
    /** See {@link #known}: text from the config and the code; {@link #WRITE_AS_IS} for text not to be cached. */
    private final BoundedMemo<String, SerializableString> knownValues =
            new BoundedMemo<>(MAX_KNOWN_VALUES, v -> encodesAlike(v) ? prepared(v) : WRITE_AS_IS);
    /** See {@link #rendered}: objects from the config, as JSON, one memo per kind, each with the part that writes it. */
    private final BoundedMemo<Category, SerializableString> categories =
            new BoundedMemo<>(MAX_KNOWN_VALUES, c -> render(c, AlertJson::writeCategory));
    private final BoundedMemo<DeviceRef, SerializableString> devices =
            new BoundedMemo<>(MAX_KNOWN_VALUES, d -> render(d, AlertJson::writeDevice));
    private final BoundedMemo<Location, SerializableString> locations =
            new BoundedMemo<>(MAX_KNOWN_VALUES, l -> render(l, AlertJson::writeLocation));
    private final BoundedMemo<GridCell, SerializableString> gridCells =
            new BoundedMemo<>(MAX_KNOWN_VALUES, c -> render(c, AlertJson::writeGridCell));
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
     * of the encoding's cost, and every alert is encoded. Evidence data is written by {@link #writeOpen}; a ground
     * location, and whatever evidence data holds beyond maps, lists, strings, numbers and booleans, through the mapper. {@code AlertJsonTest} holds the two byte-for-byte equal over alerts of
     * every shape.
     */
    private void writeData(JsonGenerator g, Alert a, String alertId, String incidentId, String observedAt) throws IOException {
        g.writeStartObject();
        optional(g, N_ALERT_ID, alertId);
        optional(g, N_INCIDENT_ID, incidentId);
        number(g, N_REVISION, a.revision());
        known(g, N_GATEWAY_ID, a.gatewayId());
        known(g, N_TYPE, a.type());
        if (a.category() != null) {
            rendered(g, N_CATEGORY, categories, a.category());
        }
        known(g, N_SEVERITY, a.severity() == null ? null : a.severity().wireName());
        known(g, N_LIFECYCLE, a.lifecycle() == null ? null : a.lifecycle().wireName());
        if (a.endReason() != null) {
            known(g, N_END_REASON, a.endReason().wireName());
        }
        known(g, N_RULE_ID, a.ruleId());
        if (a.device() != null) {
            rendered(g, N_DEVICE, devices, a.device());
        }
        if (a.location() != null) {
            rendered(g, N_LOCATION, locations, a.location());
        }
        known(g, N_ZONE, a.zone());
        if (a.gridCell() != null) {
            rendered(g, N_GRID_CELL, gridCells, a.gridCell());
        }
        if (a.groundLocation() != null) {
            g.writeFieldName(N_GROUND_LOCATION);
            nested.writeValue(g, a.groundLocation());
        }
        optional(g, N_OBJECT_KEY, a.objectKey());
        optional(g, N_OBSERVED_AT, observedAt);
        optional(g, N_STARTED_AT, a.startedAt() == null ? null : IsoInstant.text(a.startedAt()));
        optional(g, N_PRODUCED_AT, a.producedAt() == null ? null : IsoInstant.text(a.producedAt()));
        optional(g, N_SUMMARY, a.summary());
        g.writeFieldName(N_MEASUREMENTS);
        g.writeStartArray();
        for (Measurement m : a.measurements()) {
            g.writeStartObject();
            known(g, N_NAME, m.name());
            number(g, N_VALUE, m.value());
            known(g, N_UNIT, m.unit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(N_EVIDENCE);
        g.writeStartArray();
        for (Evidence e : a.evidence()) {
            g.writeStartObject();
            known(g, N_KIND, e.kind());
            known(g, N_MEDIA_TYPE, e.mediaType());
            optional(g, N_REF, e.ref());
            if (e.data() != null) {
                g.writeFieldName(N_DATA);
                writeOpen(g, e.data());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!a.evidenceOmitted().isEmpty()) {
            g.writeFieldName(N_EVIDENCE_OMITTED);
        g.writeStartArray();
            for (EvidenceOmission o : a.evidenceOmitted()) {
                g.writeStartObject();
                optional(g, N_KIND, o.kind());
                optional(g, N_MEDIA_TYPE, o.mediaType());
                optional(g, N_REASON, o.reason());
                number(g, N_BYTES, o.bytes());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }


    /**
     * A string field, left out when null, as databind's NON_NULL did for every field, whether or not its record
     * declares it nullable: a reading's unit, for one, may be absent when its device profile names none.
     */
    private static void optional(JsonGenerator g, SerializableString name, @Nullable String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    /** Writes one part of an alert as JSON; runs on the thread calling {@link #encode}, must not block. */
    @FunctionalInterface
    private interface Part<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /**
     * A {@link SerializedString} with its encodings made before it is shared between threads: it would otherwise fill
     * them lazily into plain fields, which another core could see before their bytes.
     */
    private static SerializedString prepared(String text) {
        SerializedString s = new SerializedString(text);
        s.asQuotedUTF8();
        s.asUnquotedUTF8();
        return s;
    }

    /**
     * A field whose value is an object from the config (a category, a device, a location, a grid cell): the same
     * object for every alert of a device, written once by its memo's part and then copied as it was written. The value's
     * own equality is the key, so an equal object from a reloaded config finds the same text.
     */
    private static <T> void rendered(JsonGenerator g, SerializableString name, BoundedMemo<T, SerializableString> memo, T value)
            throws IOException {
        g.writeFieldName(name);
        g.writeRawValue(memo.get(value));
    }

    private static void writeCategory(JsonGenerator o, Category c) throws IOException {
        o.writeStartObject();
        optional(o, N_CODE, c.code());
        optional(o, N_NAME_ZH, c.nameZh());
        optional(o, N_CASE_TYPE, c.caseType());
        optional(o, N_SCHEME, c.scheme());
        o.writeEndObject();
    }

    private static void writeDevice(JsonGenerator o, DeviceRef d) throws IOException {
        o.writeStartObject();
        optional(o, N_ID, d.id());
        optional(o, N_NAME, d.name());
        optional(o, N_PROFILE, d.profile());
        o.writeEndObject();
    }

    private static void writeLocation(JsonGenerator o, Location l) throws IOException {
        o.writeStartObject();
        number(o, N_LAT, l.lat());
        number(o, N_LON, l.lon());
        o.writeEndObject();
    }

    private static void writeGridCell(JsonGenerator o, GridCell cell) throws IOException {
        o.writeStartObject();
        optional(o, N_CODE, cell.code());
        optional(o, N_NAME, cell.name());
        o.writeEndObject();
    }

    /** Once per distinct value, into a buffer of its own (the alert being written holds the recycled ones). */
    private <T> SerializableString render(T value, Part<T> part) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(128);
        try (JsonGenerator o = mapper.getFactory().createGenerator(out)) {
            part.write(o, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prepared(out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A string field whose values come from the config or the code (names, codes, units, kinds): few distinct values,
     * each quoted and encoded once and then copied, instead of checked char by char for every alert (the Chinese
     * names most: each char takes the multi-byte path). Left out when null, like {@link #optional}.
     */
    private void known(JsonGenerator g, SerializableString name, @Nullable String value) throws IOException {
        if (value == null) {
            return;
        }
        g.writeFieldName(name);
        SerializableString quoted = knownValues.get(value);
        if (quoted == WRITE_AS_IS) {
            g.writeString(value);
        } else {
            g.writeString(quoted);
        }
    }

    /**
     * Whether Jackson's string quoting writes {@code s} as the UTF-8 generator does: the generator escapes a character
     * outside the BMP as two six-char escapes, the quoting encodes it as four bytes, so such text is not cached.
     */
    private static boolean encodesAlike(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Evidence data, written as databind writes it: maps with string keys (null values left out, as the mapper's
     * NON_NULL asks), lists, strings, numbers and booleans directly, anything else through the mapper.
     */
    private void writeOpen(JsonGenerator g, @Nullable Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Double d -> g.writeNumber(d.doubleValue());
            case Integer i -> g.writeNumber(i.intValue());
            case Long l -> g.writeNumber(l.longValue());
            case Boolean b -> g.writeBoolean(b.booleanValue());
            case java.util.List<?> list -> {
                g.writeStartArray();
                for (Object o : list) {
                    writeOpen(g, o);
                }
                g.writeEndArray();
            }
            case java.util.Map<?, ?> map when stringKeys(map) -> {
                g.writeStartObject();
                for (java.util.Map.Entry<?, ?> en : map.entrySet()) {
                    if (en.getValue() != null) {
                        g.writeFieldName((String) en.getKey());
                        writeOpen(g, en.getValue());
                    }
                }
                g.writeEndObject();
            }
            default -> nested.writeValue(g, value);
        }
    }

    private static boolean stringKeys(java.util.Map<?, ?> map) {
        for (Object k : map.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static void number(JsonGenerator g, SerializableString name, double value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void number(JsonGenerator g, SerializableString name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private void write(Alert a, ByteArrayBuilder out) {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName(N_SPECVERSION);
            g.writeString(SPEC_VERSION);
            g.writeFieldName(N_ID);
            String alertId = a.alertId().toString();
            g.writeString(alertId);
            g.writeFieldName(N_SOURCE);
            g.writeString("/gridwatch/" + a.gatewayId() + "/devices/" + a.device().id());
            g.writeFieldName(N_TYPE);
            g.writeString(EVENT_TYPE_PREFIX + a.type());
            g.writeFieldName(N_DATACONTENTTYPE);
            g.writeString(DATA_CONTENT_TYPE);
            g.writeFieldName(N_DATASCHEMA);
            g.writeString(DATA_SCHEMA_TEXT);
            g.writeFieldName(N_SUBJECT);
            g.writeString(a.device().id());
            // CloudEvents: "when the occurrence happened". Buffered or replayed data is produced long after that.
            g.writeFieldName(N_TIME);
            String observedAt = IsoInstant.text(a.observedAt());
            g.writeString(observedAt);
            g.writeFieldName(N_INCIDENTID);
            String incidentId = a.incidentId().toString();
            g.writeString(incidentId);
            g.writeFieldName(N_LIFECYCLE);
            g.writeString(a.lifecycle().wireName());
            g.writeFieldName(N_SEVERITY);
            g.writeString(a.severity().wireName());
            g.writeFieldName(N_DATA);
            writeData(g, a, alertId, incidentId, observedAt);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
