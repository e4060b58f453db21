package gridwatch.drone.detect;

import gridwatch.geo.earth.LatLon;

/**
 * An object a patrol has already seen, as matching needs it.
 *
 * @param key          its stable id (the finding's object key)
 * @param group        its object group
 * @param position     where it was located first
 * @param uncertaintyM the radius of that position
 */
public record KnownObject(String key, String group, LatLon position, double uncertaintyM) {
}
