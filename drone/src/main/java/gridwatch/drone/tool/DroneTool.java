package gridwatch.drone.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gridwatch.drone.metadata.PhotoReadException;
import gridwatch.drone.patrol.PatrolYawCheck;
import gridwatch.drone.photo.AnalyzedPhoto;
import gridwatch.drone.photo.PhotoAnalyzer;
import gridwatch.geo.grid.GridIndex;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gridwatch drone PHOTO...}: analyses the photos as one patrol (re-saved photos' yaws are
 * settled against the others), then prints one JSON line per photo in the order given
 * ({@link DroneReport}), or {@code {"file", "error"}} for a file that is not a readable JPEG; with
 * an annotation directory it writes {@code NAME.annotated.jpg} there for each photo read. Runs on
 * the caller's thread.
 *
 * @param analyzer    the site's analyzer
 * @param patrolCheck settles re-saved photos' yaws
 * @param grid        the site's grid cells, or null
 * @param annotateDir where annotated copies go, or null for none
 */
public record DroneTool(PhotoAnalyzer analyzer, PatrolYawCheck patrolCheck, @Nullable GridIndex grid, @Nullable Path annotateDir) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return 0 when every photo was read, 2 when any was not a readable JPEG (the others are still reported) */
    public int run(List<Path> photos, List<Pixel> pixels, PrintStream out, PrintStream err) throws IOException {
        Map<Path, Object> results = new LinkedHashMap<>();
        List<AnalyzedPhoto> read = new ArrayList<>();
        for (Path photo : photos) {
            try {
                AnalyzedPhoto p = analyzer.analyze(photo);
                read.add(p);
                results.put(photo, p);
            } catch (PhotoReadException e) {
                results.put(photo, e.getMessage());
            }
        }
        List<AnalyzedPhoto> judged = patrolCheck.judge(read);
        for (int i = 0; i < read.size(); i++) {
            results.put(read.get(i).file(), judged.get(i));
        }
        if (annotateDir != null) {
            Files.createDirectories(annotateDir);
        }
        int code = 0;
        for (Map.Entry<Path, Object> e : results.entrySet()) {
            if (e.getValue() instanceof AnalyzedPhoto p) {
                out.println(JSON.writeValueAsString(DroneReport.of(p, pixels, grid)));
                if (annotateDir != null) {
                    Path target = annotateDir.resolve(p.name().replaceFirst("\\.[^.]+$", "") + ".annotated.jpg");
                    new PhotoAnnotator().write(p, pixels, grid, target);
                    err.println("gridwatch drone: annotated copy: " + target.toAbsolutePath());
                }
            } else {
                ObjectNode o = JSON.createObjectNode().put("file", e.getKey().toString()).put("error", String.valueOf(e.getValue()));
                out.println(JSON.writeValueAsString(o));
                code = 2;
            }
        }
        return code;
    }
}
