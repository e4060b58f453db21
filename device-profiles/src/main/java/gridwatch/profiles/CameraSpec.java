package gridwatch.profiles;

import org.jspecify.annotations.Nullable;

/**
 * One row of a profile's camera table: the sensor of a camera model as its photos' EXIF Make and
 * Model name it. A drone photo's focal length in pixels is FocalLength / sensorWidthMm × image width.
 */
public record CameraSpec(String make, String model, @Nullable String name, double sensorWidthMm, @Nullable Double sensorHeightMm) {
}
