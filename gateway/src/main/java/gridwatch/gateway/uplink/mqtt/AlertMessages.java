package gridwatch.gateway.uplink.mqtt;

import gridwatch.detectors.core.Severity;
import gridwatch.gateway.alert.BoundedMemo;
import gridwatch.gateway.alert.json.AlertJson;
import gridwatch.gateway.alert.outbox.OutboxEntry;
import gridwatch.gateway.alert.outbox.Routing;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT 5 PUBLISH for an outbox row, as the center receives it: QoS 1, not retained, the CloudEvents structured
 * JSON with its content type and the UTF-8 payload format indicator, and user properties a broker or bridge can route
 * on without parsing the payload. Each user property is named as the CloudEvents attribute it repeats and has its
 * value ({@code type}, {@code severity}, {@code lifecycle}, {@code incidentid}, {@code subject}), so a bridge that maps
 * them to attributes meets no contradiction; {@code gridcell} is the grid cell's code. Everything comes from the row's
 * own columns; a property the row cannot tell (an old row whose payload said nothing) is left out. With
 * {@code uplink.messageExpirySeconds} set, every alert carries that message expiry interval. Thread-safe.
 */
public final class AlertMessages {

    private static final Severity[] SEVERITIES = Severity.values();

    private final @Nullable Long expirySeconds;
    /**
     * The properties whose values are few (type by alert type, severity, lifecycle), made once: every PUBLISH carries
     * them, and Paho's {@link UserProperty} is immutable, so one instance serves every message. Bounded; any thread.
     */
    private final BoundedMemo<String, UserProperty> typeByAlertType =
            new BoundedMemo<>(1024, t -> new UserProperty("type", eventType(t)));
    private final BoundedMemo<String, UserProperty> lifecycles = new BoundedMemo<>(1024, l -> new UserProperty("lifecycle", l));
    private final UserProperty[] severities = new UserProperty[SEVERITIES.length];

    /** @param expirySeconds the message expiry interval for every alert, or null for none */
    public AlertMessages(@Nullable Long expirySeconds) {
        this.expirySeconds = expirySeconds;
    }

    public MqttMessage of(OutboxEntry e) {
        MqttProperties p = new MqttProperties();
        p.setContentType(AlertJson.CONTENT_TYPE);
        p.setPayloadFormat(true);
        if (expirySeconds != null) {
            p.setMessageExpiryInterval(expirySeconds);
        }
        p.setUserProperties(userProperties(e));
        return new MqttMessage(e.payload(), 1, false, p);
    }

    List<UserProperty> userProperties(OutboxEntry e) {
        List<UserProperty> user = new ArrayList<>(6);
        user.add(typeByAlertType.get(e.alertType()));
        if (e.severity() >= 0 && e.severity() < SEVERITIES.length) {
            UserProperty severity = severities[e.severity()];
            if (severity == null) {
                severity = new UserProperty("severity", SEVERITIES[e.severity()].wireName());
                severities[e.severity()] = severity;   // a benign race: equal instances
            }
            user.add(severity);
        }
        Routing r = e.routing();
        if (r.lifecycle() != null) {
            user.add(lifecycles.get(r.lifecycle()));
        }
        add(user, "incidentid", r.incidentId());
        user.add(new UserProperty("subject", e.source()));
        add(user, "gridcell", r.gridCell());
        return user;
    }

    /** A row stored with its whole topic by an earlier version: the alert type is the topic's last level. */
    private static String eventType(String alertTypeOrTopic) {
        return AlertJson.EVENT_TYPE_PREFIX + alertTypeOrTopic.substring(alertTypeOrTopic.lastIndexOf('/') + 1);
    }

    private static void add(List<UserProperty> user, String name, @Nullable String value) {
        if (value != null) {
            user.add(new UserProperty(name, value));
        }
    }
}
