package gridwatch.drone.georef;

import gridwatch.geo.earth.LatLon;

/**
 * A pixel put on the ground.
 *
 * @param position     WGS-84
 * @param uncertaintyM radius within which the true position lies, by the model in {@link UncertaintyModel}
 * @param slantRangeM  distance from the camera to the point along the ray, m
 */
public record GroundPoint(LatLon position, double uncertaintyM, double slantRangeM) {
}
