package gridwatch.drone;

import gridwatch.drone.camera.CameraTable;
import gridwatch.drone.georef.UncertaintyModel;
import gridwatch.drone.photo.DroneSettings;
import gridwatch.drone.quality.QualityLimits;
import gridwatch.profiles.ProfileLoader;

import java.time.ZoneId;
import java.util.List;

/** Settings for the Brighton Beach test flight: the built-in camera table, no site ground elevation (RelativeAltitude). */
public final class TestSettings {

    private TestSettings() {
    }

    public static DroneSettings brighton(boolean checkFrames) {
        try {
            return new DroneSettings(ZoneId.of("America/Chicago"), null, CameraTable.from(new ProfileLoader().load(List.of()), CameraTable.PROFILE),
                    QualityLimits.DEFAULT, UncertaintyModel.DEFAULT, checkFrames);
        } catch (gridwatch.config.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
