package gridwatch.gateway.alert.outbox;

import org.jspecify.annotations.Nullable;

/**
 * The state of one open incident as the outbox keeps it, beside the alert whose emission changed it: stored in the
 * same transaction as that alert, so after any crash the incident's state and the alerts the center will get agree.
 * The outbox does not read it: {@code key} and {@code state} are the alerting side's own text.
 *
 * @param key   which incident (the alerting side's stable key text)
 * @param state the incident's state after the alert, or null when the alert ends it (the row is deleted)
 */
public record IncidentRow(String key, @Nullable String state) implements IncidentChange {

    /** Already rendered. */
    @Override
    public IncidentRow row() {
        return this;
    }
}
