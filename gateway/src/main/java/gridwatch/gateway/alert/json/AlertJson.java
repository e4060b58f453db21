package gridwatch.gateway.alert.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gridwatch.detectors.core.Severity;
import gridwatch.gateway.alert.Alert;
import gridwatch.gateway.alert.Lifecycle;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;

/**
 * Encodes an alert as a CloudEvents 1.0 structured-mode JSON document (the form the CloudEvents
 * MQTT binding uses for MQTT 3.1.1 and allows for 5): the CloudEvents {@code id} is the alert
 * id, {@code data} the alert in camelCase. The payload schema is {@code docs/api/alert.schema.json}.
 * Thread-safe.
 */
public final class AlertJson {

    public static final String EVENT_TYPE_PREFIX = "io.gridwatch.alert.";
    public static final URI DATA_SCHEMA = URI.create("https://gridwatch.io/schema/alert/v1");
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final ObjectMapper mapper = mapper();
    private final EventFormat format = new JsonFormat();

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
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(wire)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    public byte[] encode(Alert a) {
        byte[] data;
        try {
            data = mapper.writeValueAsBytes(a);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId(a.alertId().toString())
                .withSource(URI.create("/gridwatch/" + a.gatewayId() + "/devices/" + a.device().id()))
                .withType(EVENT_TYPE_PREFIX + a.type())
                .withSubject(a.device().id())
                .withTime(a.producedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(DATA_SCHEMA)
                .withExtension("incidentid", a.incidentId().toString())
                .withExtension("lifecycle", a.lifecycle().wireName())
                .withExtension("severity", a.severity().wireName())
                .withData(data)
                .build();
        return format.serialize(event);
    }
}
