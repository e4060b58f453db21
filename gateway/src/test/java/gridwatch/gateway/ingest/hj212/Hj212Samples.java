package gridwatch.gateway.ingest.hj212;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team's real HJ 212 packets ({@code ../shared/testdata/protocols/hj212-samples.txt}): each
 * packet line follows a {@code # [id] … | checks} comment that says whether its CRC is valid.
 */
final class Hj212Samples {

    record Sample(String id, String packet, boolean crcValid, String comment) {

        /** The packet as sent on the wire. */
        byte[] wire() {
            return (packet + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    static final Path FILE = shared("testdata/protocols/hj212-samples.txt");

    static Map<String, Sample> all() {
        try {
            List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
            Map<String, Sample> out = new LinkedHashMap<>();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String c = lines.get(i);
                if (c.startsWith("# [") && lines.get(i + 1).startsWith("##")) {
                    String id = c.substring(3, c.indexOf(']'));
                    boolean valid = c.contains("VALID (HJ212 Annex A)") && !c.contains("INVALID");
                    out.put(id, new Sample(id, lines.get(i + 1), valid, c));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("the shared test data is missing: " + FILE.toAbsolutePath(), e);
        }
    }

    static Sample get(String id) {
        Sample s = all().get(id);
        if (s == null) {
            throw new IllegalArgumentException("no sample " + id);
        }
        return s;
    }

    private Hj212Samples() {
    }

    /** A file of the team's shared data (beside the project root; surefire sets gridwatch.shared). */
    static Path shared(String relative) {
        Path p = Path.of(System.getProperty("gridwatch.shared", "../../shared")).resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared test data missing: " + p.toAbsolutePath()
                    + " (clone the project beside the team's shared/ folder)");
        }
        return p;
    }
}
