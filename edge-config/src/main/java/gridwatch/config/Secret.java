package gridwatch.config;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reference to a secret held outside the config file: an environment variable or a file
 * (absolute once loaded; written relative to the config file). {@link #toString()} never shows
 * the value, so a logged config never leaks it.
 */
public record Secret(@Nullable String env, @Nullable Path file) {

    /** Reads the secret now; called at connect time so a rotated file is picked up. */
    public char[] reveal() {
        if (env != null) {
            String v = System.getenv(env);
            if (v == null) {
                throw new IllegalStateException("environment variable " + env + " is not set");
            }
            return v.toCharArray();
        }
        if (file == null) {
            throw new IllegalStateException("secret names neither an environment variable nor a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read secret file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return env != null ? "Secret[env=" + env + ", value=***]" : "Secret[file=" + file + ", value=***]";
    }
}
