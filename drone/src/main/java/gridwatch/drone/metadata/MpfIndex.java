package gridwatch.drone.metadata;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the Multi-Picture Format index (CIPA DC-007, an APP2 segment {@code MPF\0}) DJI writes
 * for the preview image it appends after the main one. An editor that re-saves the file keeps the
 * segment but drops the preview, so the index points past the end of the file (design note §5:
 * offset 3,626,264 in a 2,949,807-byte file). metadata-extractor does not decode MPF, and the check
 * needs the segment's position in the file, so this walks the JPEG markers itself. Only the
 * headers before the image data are read (at most 1 MiB).
 */
final class MpfIndex {

    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int TAG_MP_ENTRY = 0xB002;

    private MpfIndex() {
    }

    /** @return whether every listed image lies inside the file; null when there is no (readable) MPF index */
    static @Nullable Boolean intact(Path file) throws IOException {
        long fileSize = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes((int) Math.min(fileSize, MAX_HEADER_BYTES));
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        if (head.length < 4 || (b.getShort(0) & 0xFFFF) != 0xFFD8) {
            return null;
        }
        int pos = 2;
        while (pos + 4 <= head.length) {
            if ((head[pos] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = head[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return null; // image data (or the end) before any MPF segment
            }
            int length = b.getShort(pos + 2) & 0xFFFF;
            int data = pos + 4;
            if (marker == 0xE2 && data + 8 <= head.length && head[data] == 'M' && head[data + 1] == 'P' && head[data + 2] == 'F'
                    && head[data + 3] == 0) {
                return entriesInside(b, data + 4, Math.min(pos + 2 + length, head.length), fileSize);
            }
            pos += 2 + length;
        }
        return null;
    }

    /** Reads the MP entries of the index IFD; offsets are relative to the TIFF header at {@code tiff}. */
    private static @Nullable Boolean entriesInside(ByteBuffer b, int tiff, int end, long fileSize) {
        try {
            ByteBuffer t = b.duplicate().order(b.get(tiff) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int ifd = tiff + t.getInt(tiff + 4);
            int count = t.getShort(ifd) & 0xFFFF;
            for (int i = 0; i < count; i++) {
                int entry = ifd + 2 + 12 * i;
                if ((t.getShort(entry) & 0xFFFF) != TAG_MP_ENTRY) {
                    continue;
                }
                int n = t.getInt(entry + 4) / 16;
                int values = tiff + t.getInt(entry + 8);
                for (int k = 0; k < n && values + 16 * k + 12 <= end; k++) {
                    long size = t.getInt(values + 16 * k + 4) & 0xFFFFFFFFL;
                    long offset = t.getInt(values + 16 * k + 8) & 0xFFFFFFFFL;
                    // The first image's offset is 0 (it is the file itself); the others count from the TIFF header.
                    if (offset != 0 && tiff + offset + size > fileSize) {
                        return false;
                    }
                }
                return true;
            }
            return null;
        } catch (IndexOutOfBoundsException malformed) {
            return null;
        }
    }
}
