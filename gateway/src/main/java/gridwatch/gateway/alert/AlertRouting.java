package gridwatch.gateway.alert;

import gridwatch.gateway.alert.outbox.Routing;

/** The routing fields an alert's outbox row keeps beside its payload (see {@link Routing}). */
public final class AlertRouting {

    private AlertRouting() {
    }

    public static Routing of(Alert a) {
        return new Routing(a.lifecycle().wireName(), a.incidentId().toString(), a.gridCell() == null ? null : a.gridCell().code());
    }
}
