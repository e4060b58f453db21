package gridwatch.drone.metadata;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * The XMP properties a drone photo carries, read through XMPCore's data model, so both layouts DJI
 * files come in read alike: attributes on {@code rdf:Description} (the aircraft's own files) and
 * elements (exiftool rewrites). ODM and OpenSfM read only the first. Values are signed strings
 * ({@code "+39.90"}); one that is not a number is reported, not guessed.
 */
final class DjiXmp {

    static final String DJI = "http://www.dji.com/drone-dji/1.0/";
    static final String XMP_BASIC = "http://ns.adobe.com/xap/1.0/";
    static final String PIX4D_CAMERA = "http://pix4d.com/camera/1.0/";

    private final List<XMPMeta> packets;
    private final List<String> problems;

    DjiXmp(Metadata md, List<String> problems) {
        this.problems = problems;
        this.packets = md.getDirectoriesOfType(XmpDirectory.class).stream()
                .peek(x -> x.getErrors().forEach(e -> problems.add("XMP: " + e)))
                .map(XmpDirectory::getXMPMeta)
                .toList();
    }

    boolean hasAny(String namespace) {
        for (XMPMeta m : packets) {
            try {
                if (m.iterator(namespace, null, null).hasNext()) {
                    return true;
                }
            } catch (XMPException e) {
                problems.add("XMP: " + e.getMessage());
            }
        }
        return false;
    }

    @Nullable Double number(String namespace, String property) {
        String text = text(namespace, property);
        if (text == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(String.format(Locale.ROOT, "XMP %s is not a number: '%s'", prefix(namespace) + property, text));
        return null;
    }

    @Nullable String text(String namespace, String property) {
        for (XMPMeta m : packets) {
            try {
                if (m.doesPropertyExist(namespace, property)) {
                    return m.getPropertyString(namespace, property);
                }
            } catch (XMPException e) {
                problems.add("XMP " + prefix(namespace) + property + ": " + e.getMessage());
            }
        }
        return null;
    }

    private static String prefix(String namespace) {
        return switch (namespace) {
            case DJI -> "drone-dji:";
            case XMP_BASIC -> "xmp:";
            case PIX4D_CAMERA -> "Camera:";
            default -> namespace;
        };
    }
}
