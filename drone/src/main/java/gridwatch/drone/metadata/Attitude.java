package gridwatch.drone.metadata;

import org.jspecify.annotations.Nullable;

/**
 * An orientation as DJI writes it (degrees, each absent when the photo lacks it). Yaw: 0 = true
 * north, clockwise, −180…180; pitch: −90 = straight down for the gimbal, nose up positive for the
 * aircraft; roll: right side down positive.
 */
public record Attitude(@Nullable Double yawDeg, @Nullable Double pitchDeg, @Nullable Double rollDeg) {

    public static final Attitude NONE = new Attitude(null, null, null);

    public boolean isEmpty() {
        return yawDeg == null && pitchDeg == null && rollDeg == null;
    }
}
