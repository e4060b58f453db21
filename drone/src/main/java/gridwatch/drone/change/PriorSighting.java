package gridwatch.drone.change;

import gridwatch.detectors.vision.Box;
import gridwatch.geo.earth.LatLon;

/**
 * An object the previous patrol saw in one of its photos.
 *
 * @param key          the object's key in that patrol
 * @param box          where it was in that photo, stored pixels
 * @param position     where that photo located it
 * @param uncertaintyM the radius of that position
 */
public record PriorSighting(String key, String group, String label, Box box, LatLon position, double uncertaintyM) {
}
