package gridwatch.gateway.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a one-line summary of each alert to the log (sink type {@code log}). */
public final class LogSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger("gridwatch.alerts");

    @Override
    public void accept(Alert a) {
        LOG.info("ALERT {} {} {} [{} {}] device={} cell={} at={} :: {}", a.lifecycle().wireName(), a.severity().wireName(),
                a.type(), a.category().code(), a.category().nameZh(), a.device().id(),
                a.gridCell() == null ? "-" : a.gridCell().code(), a.observedAt(), a.summary());
    }

    @Override
    public String name() {
        return "log";
    }
}
