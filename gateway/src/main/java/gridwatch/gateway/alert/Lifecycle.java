package gridwatch.gateway.alert;

/** Where an alert stands in its incident: the center opens a case on START and closes it on END. */
public enum Lifecycle {
    START,
    UPDATE,
    END;

    /** Made once: every alert and every PUBLISH carries it. */
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
