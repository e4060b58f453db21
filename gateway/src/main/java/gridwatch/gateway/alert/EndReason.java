package gridwatch.gateway.alert;

import java.util.Locale;

/** Why an incident ended: sent with its END, so the center can tell a problem that cleared from one the gateway lost sight of. */
public enum EndReason {
    /** The rule watching the condition saw it clear. */
    CLEARED,
    /** A one-shot sighting was not seen again within its time to live. */
    NOT_SEEN_AGAIN,
    /** Open when the gateway stopped, and nothing confirmed it within the restart timeout of the gateway's last sign of life. */
    GATEWAY_RESTART_TIMEOUT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
