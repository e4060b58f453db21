package gridwatch.detectors.vision.snapshot;

import gridwatch.detectors.vision.density.DensityMap;
import gridwatch.detectors.vision.track.Track;
import gridwatch.detectors.vision.zone.CountingLine;
import gridwatch.detectors.vision.zone.ImageZone;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A snapshot not yet drawn: the frame already scaled, on the Java heap, with what to draw on it. Made by
 * {@link Annotator#sketch} on the analysis thread; {@link #jpeg()} may run later on any thread, since it holds no
 * native memory (the garbage collector owns it). Immutable; the pixel array is never handed out of the package.
 */
public final class Sketch {

    private final byte[] pixels;
    private final int width;
    private final int height;
    private final int type;
    private final double scale;
    private final List<ImageZone> zones;
    private final List<CountingLine> lines;
    private final List<Track> tracks;
    private final List<Region> regions;
    private final List<String> header;
    private final @Nullable DensityMap heat;
    private final int quality;

    Sketch(byte[] pixels, int width, int height, int type, double scale, List<ImageZone> zones, List<CountingLine> lines,
           List<Track> tracks, List<Region> regions, List<String> header, @Nullable DensityMap heat, int quality) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        this.type = type;
        this.scale = scale;
        this.zones = List.copyOf(zones);
        this.lines = List.copyOf(lines);
        this.tracks = List.copyOf(tracks);
        this.regions = List.copyOf(regions);
        this.header = List.copyOf(header);
        this.heat = heat;
        this.quality = quality;
    }

    /** Draws and encodes it: tens of milliseconds of CPU. */
    public byte[] jpeg() {
        return Annotator.jpeg(this);
    }

    byte[] pixels() {
        return pixels;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int type() {
        return type;
    }

    double scale() {
        return scale;
    }

    List<ImageZone> zones() {
        return zones;
    }

    List<CountingLine> lines() {
        return lines;
    }

    List<Track> tracks() {
        return tracks;
    }

    List<Region> regions() {
        return regions;
    }

    List<String> header() {
        return header;
    }

    @Nullable DensityMap heat() {
        return heat;
    }

    int quality() {
        return quality;
    }
}
