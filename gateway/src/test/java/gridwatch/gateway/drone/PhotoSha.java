package gridwatch.gateway.drone;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A photo's identity as the drone store keeps it, and the region of a drone-crop reference. */
final class PhotoSha {

    private PhotoSha() {
    }

    static String of(byte[] jpeg) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {x, y, w, h} of {@code sha256:…#xywh=x,y,w,h}. */
    static int[] region(String ref) {
        Matcher m = Pattern.compile("#xywh=(\\d+),(\\d+),(\\d+),(\\d+)$").matcher(ref);
        if (!m.find()) {
            throw new IllegalArgumentException("no region in " + ref);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
    }
}
