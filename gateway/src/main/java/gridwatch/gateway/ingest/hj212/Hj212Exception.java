package gridwatch.gateway.ingest.hj212;

import java.util.Objects;

/** A packet that cannot be accepted, with a reason that becomes a metric label. */
public final class Hj212Exception extends Exception {

    /** Why a packet was refused; each is counted in {@code gridwatch_hj212_rejected_total{reason}}. */
    public enum Reason {
        BAD_CRC,
        BAD_LENGTH,
        OVERSIZED,
        GARBAGE,
        MALFORMED,
        MISSING_FIELD,
        UNKNOWN_DEVICE,
        BAD_PASSWORD
    }

    private final Reason reason;

    public Hj212Exception(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** Never null: every refusal carries its reason and detail. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    public Reason reason() {
        return reason;
    }
}
