package gridwatch.drone.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which scales a photo is searched at, and the tiles of each: every object group needs the photo scaled so its objects
 * span the model pixels it needs ({@link ObjectGroup#scaleFor}); groups whose scales lie within {@value #SHARE_FACTOR}×
 * of each other share one pass at the largest of them (never a coarser look than a group asked for). A group needing
 * more than {@code maxUpscale} is skipped: the photo cannot show it, and the plan says so.
 *
 * @param passes  the scales, finest first, each with the groups it serves and its tiles
 * @param skipped one line per group left out, saying why
 */
public record TilePlan(List<Pass> passes, List<String> skipped) {

    static final double SHARE_FACTOR = 1.1;

    public TilePlan {
        passes = List.copyOf(passes);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param scale  stored pixels × scale = model pixels
     * @param width  the photo's width at that scale
     * @param height its height at that scale
     * @param tiles  tile origins {x, y} in the scaled photo; each tile is the model's input size (or the photo, if smaller)
     */
    public record Pass(double scale, List<ObjectGroup> groups, int width, int height, int tileSize, List<int[]> tiles) {
        public Pass {
            groups = List.copyOf(groups);
            tiles = List.copyOf(tiles);
        }
    }

    public int tileCount() {
        return passes.stream().mapToInt(p -> p.tiles().size()).sum();
    }

    /**
     * @param width     the stored photo's width, px
     * @param height    its height
     * @param gsdCm     its ground sampling distance at the centre, cm per px
     * @param inputSize the model's square input, px
     */
    public static TilePlan of(DetectionSettings s, int width, int height, double gsdCm, int inputSize) {
        List<String> skipped = new ArrayList<>();
        List<ObjectGroup> wanted = new ArrayList<>();
        for (ObjectGroup g : s.groups()) {
            double scale = g.scaleFor(gsdCm);
            if (scale > s.maxUpscale()) {
                skipped.add(String.format(Locale.ROOT, "%s: %.1f m spans %.1f px at %.2f cm/px; the model needs %d px, more than %.1f× enlargement",
                        g.id(), g.sizeM(), g.sizeM() * 100 / gsdCm, gsdCm, g.minPx(), s.maxUpscale()));
            } else {
                wanted.add(g);
            }
        }
        wanted.sort(Comparator.comparingDouble((ObjectGroup g) -> g.scaleFor(gsdCm)).reversed());
        List<Pass> passes = new ArrayList<>();
        List<ObjectGroup> batch = new ArrayList<>();
        double batchScale = 0;
        for (ObjectGroup g : wanted) {
            double scale = g.scaleFor(gsdCm);
            if (!batch.isEmpty() && scale * SHARE_FACTOR < batchScale) {
                passes.add(pass(batchScale, batch, width, height, inputSize, s.tileOverlap()));
                batch = new ArrayList<>();
            }
            if (batch.isEmpty()) {
                batchScale = scale;
            }
            batch.add(g);
        }
        if (!batch.isEmpty()) {
            passes.add(pass(batchScale, batch, width, height, inputSize, s.tileOverlap()));
        }
        return new TilePlan(passes, skipped);
    }

    private static Pass pass(double scale, List<ObjectGroup> groups, int width, int height, int tile, double overlap) {
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        List<int[]> tiles = new ArrayList<>();
        for (int y : origins(h, tile, overlap)) {
            for (int x : origins(w, tile, overlap)) {
                tiles.add(new int[] {x, y});
            }
        }
        return new Pass(scale, groups, w, h, tile, tiles);
    }

    /** Tile origins along one side: a step of tile × (1 − overlap), the last tile flush with the far edge. */
    static List<Integer> origins(int length, int tile, double overlap) {
        List<Integer> out = new ArrayList<>();
        if (length <= tile) {
            out.add(0);
            return out;
        }
        int step = Math.max(1, (int) Math.floor(tile * (1 - overlap)));
        for (int x = 0; ; x += step) {
            if (x + tile >= length) {
                out.add(length - tile);
                return out;
            }
            out.add(x);
        }
    }
}
