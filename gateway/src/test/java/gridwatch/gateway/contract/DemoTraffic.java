package gridwatch.gateway.contract;

import gridwatch.gateway.runtime.Gateway;
import gridwatch.gateway.runtime.GatewayConfigLoader;
import gridwatch.gateway.support.Mosquitto;
import gridwatch.gateway.support.WireCapture;
import gridwatch.gateway.support.WireCapture.Received;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The demo's three scenarios (square dance, construction night work, river in a typhoon; {@code edge-config/demo.yaml}
 * and {@code seeds/}) run through the real gateway into a real mosquitto, replayed ten times faster than the demo
 * (rules work on the traces' own times, so the alerts are the demo's), and every message captured as an independent
 * subscriber receives it.
 */
final class DemoTraffic {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String GATEWAY = "demo-box-01";
    static final List<String> RULES = List.of("square-dance-night-noise", "site-boundary-noise", "river-flood-watch");

    private DemoTraffic() {
    }

    /** Runs the scenarios until each rule's incident has ended and the outbox is empty; returns what the broker delivered. */
    static List<Received> run(Path dir) throws Exception {
        Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")));
        try (WireCapture wire = new WireCapture(broker.url(), "gridwatch/v1/" + GATEWAY + "/#")) {
            Path config = config(dir, broker.url());
            Set<String> stored = ConcurrentHashMap.newKeySet();
            try (Gateway g = Gateway.start(config, new GatewayConfigLoader().load(config), a -> stored.add(a.alertId().toString()))) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(200, TimeUnit.MILLISECONDS).until(() -> endedRules(wire).containsAll(RULES));
                await().atMost(Duration.ofSeconds(60)).until(() -> g.outbox().stats().depth() == 0
                        && wire.on("gridwatch/v1/" + GATEWAY + "/alerts/").stream().map(r -> r.json().get("id").asText())
                        .collect(java.util.stream.Collectors.toSet()).containsAll(stored));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> wire.on("gridwatch/v1/" + GATEWAY + "/status").stream()
                    .anyMatch(r -> r.json().get("state").asText().equals("offline")));
            return wire.all();
        } finally {
            broker.close();
        }
    }

    private static Set<String> endedRules(WireCapture wire) {
        Set<String> ended = new java.util.HashSet<>();
        for (Received r : wire.on("gridwatch/v1/" + GATEWAY + "/alerts/")) {
            if (r.json().at("/data/lifecycle").asText().equals("end")) {
                ended.add(r.json().at("/data/ruleId").asText());
            }
        }
        return ended;
    }

    /** {@code edge-config/demo.yaml} as shipped, pointed at the test's broker, outbox and free ports, replayed faster. */
    private static Path config(Path dir, String brokerUrl) throws IOException {
        String yaml = Files.readString(ROOT.resolve("edge-config/demo.yaml"));
        yaml = replace(yaml, "broker: embedded", "broker: \"" + brokerUrl + "\"");
        yaml = replace(yaml, "directory: ../var/demo/outbox", "directory: " + dir.resolve("outbox"));
        yaml = replace(yaml, "port: 9180", "port: 0");
        yaml = replace(yaml, "port: 6000", "port: 0");
        yaml = replace(yaml, "speed: 60\n", "speed: 600\n").replaceAll("speed: 60(?=\\s)", "speed: 600");
        yaml = replace(yaml, "speed: 1440 ", "speed: 14400 ");
        yaml = yaml.replace("file: ../seeds/", "file: " + ROOT.resolve("seeds") + "/");
        Path file = dir.resolve("demo.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String replace(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalStateException("edge-config/demo.yaml no longer has '" + what + "': update DemoTraffic");
        }
        return text.replace(what, with);
    }
}
