package gridwatch.gateway.ingest.drone;

/**
 * Walks a JPEG's marker segments without decoding a pixel: the frame header's width × height is checked against a
 * bound before anything could allocate for it, and the walk must reach the end-of-image marker after the image data,
 * so a file cut off (or still being copied) is told apart from a whole one.
 *
 * <p>Why not a library: ImageIO and OpenCV decode (a 60,000 × 60,000 header asks them for gigabytes first), and
 * metadata-extractor's segment reader stops at the first scan, so it cannot tell a truncated file. The walk follows
 * ITU-T T.81 Annex B: segments with a 2-byte length; after start-of-scan, entropy-coded data runs to the next marker
 * that is not a stuffed {@code FF 00} or a restart marker; progressive files have several scans. Anything after the
 * end-of-image marker (DJI appends an MPF preview image) is not looked at. Linear in the file's size; no allocation.
 */
final class JpegCheck {

    /** What the walk found: a whole JPEG with its declared size, or a {@link Refusal}. */
    sealed interface Inspection permits Jpeg, Refusal {
    }

    /** A JPEG whose structure is whole, with the size its frame header declares. */
    record Jpeg(int width, int height) implements Inspection {
    }

    private JpegCheck() {
    }

    static Inspection inspect(byte[] b, long maxPixels) {
        int n = b.length;
        if (n == 0) {
            return new Refusal(RefusalReason.EMPTY, "the photo is empty (0 bytes)");
        }
        if (n < 3 || u8(b, 0) != 0xFF || u8(b, 1) != 0xD8 || u8(b, 2) != 0xFF) {
            return new Refusal(RefusalReason.NOT_JPEG, "not a JPEG: " + signature(b));
        }
        int width = -1;
        int height = -1;
        boolean scanned = false;
        int pos = 2;
        while (true) {
            if (pos >= n) {
                return truncated(n, scanned);
            }
            if (u8(b, pos) != 0xFF) {
                return bad("expected a marker at byte " + pos + ", found 0x" + hex(u8(b, pos)));
            }
            while (pos < n && u8(b, pos) == 0xFF) {   // fill bytes may precede any marker
                pos++;
            }
            if (pos >= n) {
                return truncated(n, scanned);
            }
            int marker = u8(b, pos++);
            if (marker == 0xD9) {
                return scanned ? new Jpeg(width, height) : bad("end-of-image marker before any image data");
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;   // standalone markers carry no length
            }
            if (marker == 0x00 || marker == 0xD8) {
                return bad("unexpected marker 0xFF" + hex(marker) + " at byte " + (pos - 2));
            }
            if (pos + 2 > n) {
                return truncated(n, scanned);
            }
            int length = u16(b, pos);
            if (length < 2) {
                return bad("segment 0xFF" + hex(marker) + " at byte " + (pos - 2) + " has length " + length);
            }
            if (pos + length > n) {
                return truncated(n, scanned);
            }
            if (isFrameHeader(marker)) {
                if (length < 8) {
                    return bad("frame header too short (" + length + " bytes)");
                }
                height = u16(b, pos + 3);
                width = u16(b, pos + 5);
                if (width == 0 || height == 0) {
                    return bad("frame header declares " + width + " × " + height + " pixels");
                }
                if ((long) width * height > maxPixels) {
                    return new Refusal(RefusalReason.TOO_MANY_PIXELS, "the JPEG header claims " + width + " × " + height + " = "
                            + (long) width * height + " pixels, more than the " + maxPixels + " allowed (maxPixels); nothing was decoded");
                }
            }
            pos += length;
            if (marker == 0xDA) {
                if (width < 0) {
                    return bad("image data before any frame header");
                }
                scanned = true;
                pos = endOfEntropyData(b, pos);
                if (pos < 0) {
                    return truncated(n, true);
                }
            }
        }
    }

    /** The index of the marker that ends the entropy-coded data starting at {@code pos}, or -1 when the data runs out first. */
    private static int endOfEntropyData(byte[] b, int pos) {
        int n = b.length;
        for (int i = pos; i + 1 < n; i++) {
            if (b[i] != (byte) 0xFF) {
                continue;
            }
            int next = u8(b, i + 1);
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                i++;   // a stuffed data byte or a restart marker: still image data
            } else if (next != 0xFF) {
                return i;
            }
        }
        return -1;
    }

    /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static Refusal truncated(int n, boolean scanned) {
        return new Refusal(RefusalReason.TRUNCATED, "the JPEG ends after " + n + " bytes, before its "
                + (scanned ? "end-of-image marker" : "image data") + ": the file is incomplete (cut off, or not yet fully copied)");
    }

    private static Refusal bad(String what) {
        return new Refusal(RefusalReason.BAD_JPEG, "not a valid JPEG: " + what);
    }

    /** Names the common formats a drone tool might send instead (a PNG screenshot, a DNG raw, an HEIC, a video). */
    private static String signature(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G')) {
            return "this is a PNG image";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return "this is a GIF image";
        }
        if (startsWith(b, 0, 'I', 'I', 0x2A, 0x00) || startsWith(b, 0, 'M', 'M', 0x00, 0x2A)) {
            return "this is a TIFF or DNG (raw) image";
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p')) {
            return "this is an ISO media file (HEIC/HEIF image or MP4/MOV video)";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "this is a WebP image";
        }
        StringBuilder sb = new StringBuilder("it starts with");
        for (int i = 0; i < Math.min(4, b.length); i++) {
            sb.append(' ').append(hex(u8(b, i)));
        }
        return sb.append(", not FF D8 FF").toString();
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (u8(b, at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    private static String hex(int v) {
        return String.format("%02X", v);
    }
}
