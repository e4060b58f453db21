package gridwatch.gateway.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gridwatch.gateway.alert.IncidentTracker.Proposal;
import gridwatch.gateway.alert.outbox.IncidentChange;
import gridwatch.gateway.alert.outbox.IncidentRow;

import java.io.UncheckedIOException;

/**
 * Incident state as text for the outbox ({@link IncidentRow}): the row a stored alert leaves (its START or UPDATE
 * writes the state, its END deletes it), and the state read back at the next start. JSON, so a row stays readable
 * with {@code sqlite3} when an operator needs to look. Thread-safe.
 */
public final class IncidentStates {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private IncidentStates() {
    }

    /** The incident's key as the outbox keeps it: stable text of (device, zone, object, rule, alert type). */
    public static String keyText(IncidentKey key) {
        // The JSON array Jackson wrote for these five strings in earlier versions, byte for byte (its own quoting,
        // IncidentStatesTest holds the two equal): rows already kept must match. Written by hand because it is made
        // for every alert, and a generator per call cost more than the rest of the key.
        StringBuilder out = new StringBuilder(96).append('[');
        quoted(out, key.subject().deviceId()).append(',');
        quoted(out, key.subject().zoneId()).append(',');
        quoted(out, key.subject().objectKey()).append(',');
        quoted(out, key.ruleId()).append(',');
        return quoted(out, key.alertType()).append(']').toString();
    }

    private static StringBuilder quoted(StringBuilder out, String s) {
        out.append('"');
        QUOTE.quoteAsString(s, out);
        return out.append('"');
    }

    /** The row the proposal's alert leaves once stored, rendered now. */
    public static IncidentRow row(Proposal p) {
        return change(p).row();
    }

    /**
     * What the proposal's alert does to its incident's kept row, rendered only if the outbox writes it (the last
     * change of the incident in a commit): under a stream of alerts most rows are replaced within their own commit,
     * and rendering each had been an eighth of the pipeline's CPU per alert.
     */
    public static IncidentChange change(Proposal p) {
        return change(p, keyText(p.key()));
    }

    /** As {@link #change(Proposal)}, with the key's text already made ({@link #keyText}). */
    public static IncidentChange change(Proposal p, String key) {
        if (p.step().lifecycle() == Lifecycle.END) {
            return new IncidentRow(key, null);
        }
        return new KeptState(key, IncidentState.after(p.key(), p.finding(), p.step()));
    }

    /** A START or UPDATE's state: immutable, so it can be rendered on the outbox writer thread later. */
    private record KeptState(String key, IncidentState state) implements IncidentChange {
        @Override
        public IncidentRow row() {
            try {
                return new IncidentRow(key, JSON.writeValueAsString(state));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The state a row holds; throws {@link IllegalArgumentException} when it cannot be read. */
    public static IncidentState read(IncidentRow row) {
        if (row.state() == null) {
            throw new IllegalArgumentException("incident " + row.key() + " has no state");
        }
        try {
            return JSON.readValue(row.state(), IncidentState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("incident " + row.key() + ": unreadable state (" + e.getOriginalMessage() + ")", e);
        }
    }
}
