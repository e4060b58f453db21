package gridwatch.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the files a config names are. A relative path is relative to the directory of the config
 * file, not to wherever the gateway was started (README, "Configuration"); an absolute path stays
 * as written. This is the one place that turns a config string into a path: the loader binds every
 * {@link Path} of the model through it, so a loaded config carries only absolute paths.
 *
 * @param baseDir the config file's directory, absolute
 */
public record ConfigPaths(Path baseDir) {

    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    public ConfigPaths {
        if (!baseDir.isAbsolute()) {
            throw new IllegalArgumentException("base directory must be absolute: " + baseDir);
        }
    }

    /** For the file as the user named it (relative names are taken from the working directory, as a shell would). */
    public static ConfigPaths of(Path configFile) {
        Path parent = configFile.toAbsolutePath().normalize().getParent();
        return new ConfigPaths(parent == null ? Path.of("").toAbsolutePath() : parent);
    }

    public static ConfigPaths of(String configFile) {
        return of(Path.of(configFile));
    }

    /** @throws java.nio.file.InvalidPathException when the string cannot be a path on this system */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    /** A camera's {@code url}: a URL ({@code rtsp://}, {@code http://}, {@code file://} …) stays as written, anything else is a path. */
    public String resolveUrlOrPath(String urlOrPath) {
        return isUrl(urlOrPath) ? urlOrPath : resolve(urlOrPath).toString();
    }

    public static boolean isUrl(String s) {
        return URL.matcher(s).matches();
    }
}
