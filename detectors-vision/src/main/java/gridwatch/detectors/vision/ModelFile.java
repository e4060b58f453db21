package gridwatch.detectors.vision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Checks a model file before anything loads it. */
public final class ModelFile {

    private ModelFile() {
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws ModelRefusedException naming the file, what it is and what config expects */
    public static void verify(Path file, String expectedSha256) {
        if (!Files.isReadable(file)) {
            throw new ModelRefusedException("model file " + file + " not found or not readable");
        }
        String actual;
        try {
            actual = sha256(file);
        } catch (IOException e) {
            throw new ModelRefusedException("cannot read model file " + file + ": " + e.getMessage());
        }
        if (expectedSha256 != null && !actual.equals(expectedSha256.toLowerCase(Locale.ROOT))) {
            throw new ModelRefusedException("model file " + file + " has sha256 " + actual + " but the config expects "
                    + expectedSha256 + "; refusing to load it (a partial download, or a different export?)");
        }
    }

    public static final class ModelRefusedException extends RuntimeException {
        public ModelRefusedException(String message) {
            super(message);
        }
    }
}
