package gridwatch.gateway.runtime;

import gridwatch.config.model.EdgeConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The config sections that a running gateway takes only at its next start, and which of them differ. */
final class RestartSections {

    private RestartSections() {
    }

    /** Sections changed from {@code a} to {@code b} that need a restart, by their YAML names; empty when none. */
    static List<String> between(EdgeConfig a, EdgeConfig b) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(a.gateway(), b.gateway())) {
            out.add("gateway");
        }
        if (!Objects.equals(a.uplink(), b.uplink())) {
            out.add("uplink");
        }
        if (!Objects.equals(a.outbox(), b.outbox())) {
            out.add("outbox");
        }
        if (!Objects.equals(a.http(), b.http())) {
            out.add("http");
        }
        if (!Objects.equals(a.devices(), b.devices())) {
            out.add("devices");
        }
        if (!Objects.equals(a.vision(), b.vision())) {
            out.add("vision");
        }
        if (!Objects.equals(a.ingest(), b.ingest())) {
            out.add("ingest");
        }
        if (!Objects.equals(a.timeseries(), b.timeseries())) {
            out.add("timeseries");
        }
        return out;
    }
}
