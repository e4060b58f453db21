package gridwatch.geo.datum;

import java.util.Locale;

/**
 * The coordinate system a grid file was drawn in. DJI photos are WGS-84 (equal to CGCS2000 to
 * decimetres); grids traced on Chinese web maps are not, and are off by more than a cell
 * (design/drone-imagery.md §7): the config says which, never a guess.
 */
public enum Datum {
    /** WGS-84 (or CGCS2000, the same to decimetres): GPS, DJI, surveyed grids. */
    WGS84,
    /** GCJ-02 ("Mars" coordinates): AMap (高德), Tencent maps, Google maps inside China. */
    GCJ02,
    /** BD-09: Baidu maps (GCJ-02 shifted again). */
    BD09;

    /** From a config value: {@code wgs84}, {@code cgcs2000} (treated as WGS-84), {@code gcj02}, {@code bd09}; case and dashes ignored. */
    public static Datum parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "wgs84", "cgcs2000" -> WGS84;
            case "gcj02" -> GCJ02;
            case "bd09" -> BD09;
            default -> throw new IllegalArgumentException("unknown datum '" + text + "' (wgs84, cgcs2000, gcj02 or bd09)");
        };
    }
}
