package gridwatch.gateway.ingest.mqttjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of every live thread of this JVM, virtual ones included, from the JDK's own JSON
 * thread dump ({@link Thread#getAllStackTraces()} leaves virtual threads out).
 */
final class ThreadDump {

    private ThreadDump() {
    }

    /** Live threads whose name contains {@code part}, e.g. a device id. */
    static List<String> named(String part) {
        try {
            Path file = Files.createTempDirectory("threads").resolve("dump.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                JsonNode containers = new ObjectMapper().readTree(file.toFile()).at("/threadDump/threadContainers");
                List<String> out = new ArrayList<>();
                for (JsonNode c : containers) {
                    for (JsonNode t : c.path("threads")) {
                        String name = t.path("name").asText();
                        if (name.contains(part)) {
                            out.add(name);
                        }
                    }
                }
                return out;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
