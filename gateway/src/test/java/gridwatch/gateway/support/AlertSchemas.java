package gridwatch.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Path;
import java.util.List;

/**
 * The published schemas of {@code docs/api} as the center's developers get them (JSON Schema draft-07, the dialect
 * the AsyncAPI document declares), loaded by their {@code $id}s from the files, with format assertions on: the
 * envelope of an alert event, the alert data its {@code dataschema} names, and the gateway status.
 */
public final class AlertSchemas {

    public static final String BASE = "https://gridwatch.io/schema/v1/";
    public static final Path DIR = Path.of("../docs/api").toAbsolutePath().normalize();

    private final JsonSchema envelope;
    private final JsonSchema data;
    private final JsonSchema status;

    public AlertSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                b -> b.schemaMappers(m -> m.mapPrefix(BASE, DIR.toUri().toString())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        envelope = factory.getSchema(SchemaLocation.of(BASE + "alert.schema.json"), config);
        data = factory.getSchema(SchemaLocation.of(BASE + "alert-data.schema.json"), config);
        status = factory.getSchema(SchemaLocation.of(BASE + "status.schema.json"), config);
    }

    /** What the envelope schema finds wrong with a whole alert event (empty when valid). */
    public List<String> envelopeErrors(JsonNode event) {
        return messages(envelope.validate(event));
    }

    /** What the data schema (the event's {@code dataschema}) finds wrong with its {@code data}. */
    public List<String> dataErrors(JsonNode data) {
        return messages(this.data.validate(data));
    }

    public List<String> statusErrors(JsonNode statusMessage) {
        return messages(status.validate(statusMessage));
    }

    private static List<String> messages(java.util.Set<ValidationMessage> found) {
        return found.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
