package gridwatch.gateway.ingest.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A recorded trace: CSV lines {@code offsetSeconds,resource,value}; {@code #} starts a comment. */
public record ReplayTrace(List<Point> points) {

    public record Point(double offsetSeconds, String resource, double value) {
    }

    /** @throws IllegalArgumentException naming the file and line of the first malformed row */
    public static ReplayTrace read(Path file) throws IOException {
        List<Point> points = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("offsetSeconds")) {
                continue;
            }
            String[] f = line.split(",");
            try {
                if (f.length != 3) {
                    throw new NumberFormatException("expected 3 fields, found " + f.length);
                }
                points.add(new Point(Double.parseDouble(f[0]), f[1].strip(), Double.parseDouble(f[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": bad trace row '" + line + "': " + e.getMessage());
            }
        }
        return new ReplayTrace(List.copyOf(points));
    }
}
