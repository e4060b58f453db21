package gridwatch.gateway.alert;

/** Where an alert stands in its incident: the center opens a case on START and closes it on END. */
public enum Lifecycle {
    START,
    UPDATE,
    END;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
