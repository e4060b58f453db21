package gridwatch.gateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The center's case intake as {@code docs/api/consuming-alerts.md} tells it to subscribe, with the real
 * {@code mosquitto_sub} (Debian's mosquitto-clients): MQTT 5, QoS 1, a persistent session under a fixed client id.
 * {@link #register()} subscribes and leaves, so what is published meanwhile waits at the broker; {@link #collect}
 * comes back and prints each message's topic, message expiry left, payload format indicator, content type, user
 * properties and payload, as mosquitto_sub itself shows them ({@code -F}).
 */
public final class MosquittoSub {

    /** One message as mosquitto_sub printed it; {@code expiry} is empty when the message has none. */
    public record Line(String topic, String expiry, String payloadFormat, String contentType, Map<String, String> userProperties,
                       String payload) {
    }

    private static final String SEP = "\u001f";   // unit separator: appears in none of the fields
    private final String host;
    private final int port;
    private final String clientId;
    private final String filter;
    private final Path dir;

    public MosquittoSub(Mosquitto broker, String clientId, String filter, Path dir) {
        this.host = "127.0.0.1";
        this.port = broker.port();
        this.clientId = clientId;
        this.filter = filter;
        this.dir = dir;
    }

    /** Subscribes with a persistent session (expiry one hour) and disconnects once the broker has acknowledged it. */
    public void register() throws IOException, InterruptedException {
        Process p = start(List.of("-E"), dir.resolve(clientId + "-register.txt"));
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("mosquitto_sub -E failed: " + Files.readString(dir.resolve(clientId + "-register.txt")));
        }
    }

    /** Comes back to the session and returns up to {@code count} messages, waiting at most {@code seconds} for them. */
    public List<Line> collect(int count, int seconds) throws IOException, InterruptedException {
        Path out = dir.resolve(clientId + "-collect.txt");
        Process p = start(List.of("-C", Integer.toString(count), "-W", Integer.toString(seconds),
                "-F", String.join(SEP, "%t", "%E", "%F", "%C", "%P", "%p")), out);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        List<Line> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] f = l.split(SEP, -1);
            if (f.length != 6) {
                continue;   // "Timed out" and other notices
            }
            Map<String, String> user = new LinkedHashMap<>();
            for (String pair : f[4].isBlank() ? new String[0] : f[4].split(" ")) {
                int colon = pair.indexOf(':');
                if (user.put(pair.substring(0, colon), pair.substring(colon + 1)) != null) {
                    throw new IllegalStateException("user property " + pair + " repeats: " + l);
                }
            }
            lines.add(new Line(f[0], f[1], f[2], f[3], user, f[5]));
        }
        return lines;
    }

    private Process start(List<String> extra, Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary(), "-h", host, "-p", Integer.toString(port), "-V", "mqttv5", "-q", "1",
                "-c", "-i", clientId, "-x", "3600", "-t", filter));
        cmd.addAll(extra);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private static String binary() {
        for (String p : new String[] {"/usr/bin/mosquitto_sub", "/usr/local/bin/mosquitto_sub"}) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        throw new IllegalStateException("mosquitto_sub not installed: run scripts/test (it installs it) or apt-get install mosquitto-clients");
    }
}
