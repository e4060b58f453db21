package gridwatch.geo.earth;

/**
 * A position in decimal degrees. Which datum it is in is the holder's business: everything in this
 * project holds WGS-84 positions except while a grid file drawn in GCJ-02 or BD-09 is being converted
 * on load ({@link gridwatch.geo.datum.ChinaDatums}).
 *
 * @param lat latitude, −90…90, north positive
 * @param lon longitude, −180…180, east positive
 */
public record LatLon(double lat, double lon) {

    public LatLon {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a position: lat " + lat + ", lon " + lon);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.7f,%.7f", lat, lon);
    }
}
