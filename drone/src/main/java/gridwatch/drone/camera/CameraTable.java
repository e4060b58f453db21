package gridwatch.drone.camera;

import gridwatch.profiles.CameraSpec;
import gridwatch.profiles.DeviceProfile;
import gridwatch.profiles.ProfileCatalog;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sensor of each camera model, from a profile's {@code cameras} table (data, not code: a site
 * adds models with its own {@code drone-camera} profile). Looked up by EXIF Make and Model,
 * ignoring case and surrounding blanks. Immutable.
 */
public final class CameraTable {

    /** The built-in profile holding the table. */
    public static final String PROFILE = "drone-camera";

    private final List<CameraSpec> specs;

    public CameraTable(List<CameraSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** The table of the named profile (usually {@link #PROFILE}); empty when the catalog has no such profile. */
    public static CameraTable from(ProfileCatalog catalog, String profile) {
        return new CameraTable(catalog.find(profile).map(DeviceProfile::cameras).orElse(List.of()));
    }

    public Optional<CameraSpec> find(@Nullable String make, @Nullable String model) {
        if (make == null || model == null) {
            return Optional.empty();
        }
        String mk = make.strip().toLowerCase(Locale.ROOT);
        String md = model.strip().toLowerCase(Locale.ROOT);
        return specs.stream().filter(s -> s.make().toLowerCase(Locale.ROOT).equals(mk) && s.model().toLowerCase(Locale.ROOT).equals(md))
                .findFirst();
    }

    public List<CameraSpec> specs() {
        return specs;
    }
}
