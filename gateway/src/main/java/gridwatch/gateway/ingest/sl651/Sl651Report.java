package gridwatch.gateway.ingest.sl651;

import org.jspecify.annotations.Nullable;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The observation in a report body: serial number, send time, station, observation time
 * (F0F0, local time at the station) and the elements (identifier in hex → value). Elements whose
 * BCD digits are all F (or 9, as some stations fill "no data") are absent. A time that is not a valid date, and a
 * station or observation time the body leaves out, are null.
 */
public record Sl651Report(int serial, @Nullable LocalDateTime sent, @Nullable String station, @Nullable LocalDateTime observed,
                          Map<String, Double> elements) {

    /** Report function codes: test 30, even-interval 31, timed 32, add 33, hourly 34. */
    static boolean isReport(int function) {
        return function >= 0x30 && function <= 0x34;
    }

    static Sl651Report parse(byte[] b) {
        int serial = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        LocalDateTime sent = time(b, 2, 6);
        String station = null;
        LocalDateTime observed = null;
        Map<String, Double> elements = new LinkedHashMap<>();
        int i = 8;
        while (i + 1 < b.length) {
            int id = b[i] & 0xFF;
            int def = b[i + 1] & 0xFF;
            if (id == 0xF1 && def == 0xF1) {
                station = Sl651Frame.hex(b, i + 2, 5);
                i += 2 + 5 + 1; // address + station type
            } else if (id == 0xF0 && def == 0xF0) {
                observed = time(b, i + 2, 5);
                i += 2 + 5;
            } else {
                int len = def >>> 3;
                int decimals = def & 0x07;
                if (i + 2 + len > b.length) {
                    break;
                }
                Double v = bcd(b, i + 2, len, decimals);
                String key = String.format("%02X", id);
                if (v != null && !elements.containsKey(key)) {
                    elements.put(key, v);
                }
                i += 2 + len;
            }
        }
        return new Sl651Report(serial, sent, station, observed, elements);
    }

    /** BCD yyMMddHHmm[ss]. */
    private static @Nullable LocalDateTime time(byte[] b, int from, int len) {
        int[] d = new int[len];
        for (int k = 0; k < len; k++) {
            d[k] = ((b[from + k] >> 4) & 0x0F) * 10 + (b[from + k] & 0x0F);
        }
        try {
            return LocalDateTime.of(2000 + d[0], d[1], d[2], d[3], d[4], len > 5 ? d[5] : 0);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** BCD digits with {@code decimals} after the point; null for "no data" fillers. */
    private static @Nullable Double bcd(byte[] b, int from, int len, int decimals) {
        long v = 0;
        boolean allF = true;
        boolean allNine = true;
        boolean negative = false;
        for (int k = 0; k < len; k++) {
            int hi = (b[from + k] >> 4) & 0x0F;
            int lo = b[from + k] & 0x0F;
            if (k == 0 && hi == 0x0F && lo != 0x0F) {
                negative = true; // a leading F nibble marks a negative value
                hi = 0;
            }
            allF &= hi == 0x0F && lo == 0x0F;
            allNine &= (k == 0 ? lo == 9 : hi == 9 && lo == 9);
            if (hi > 9 || lo > 9) {
                return null;
            }
            v = v * 100 + hi * 10 + lo;
        }
        if (allF || allNine) {
            return null;
        }
        double x = v / Math.pow(10, decimals);
        return negative ? -x : x;
    }
}
