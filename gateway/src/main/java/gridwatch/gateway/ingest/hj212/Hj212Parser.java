package gridwatch.gateway.ingest.hj212;

import org.jspecify.annotations.Nullable;

import gridwatch.gateway.ingest.NumberText;
import gridwatch.gateway.ingest.hj212.Hj212Exception.Reason;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a data segment ({@code QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;CP=&&…&&}) in one pass, without
 * regular expressions, splits or maps: header fields are {@code key=value} separated by
 * {@code ;}; CP holds groups separated by {@code ;}, each {@code key=value} pairs separated by
 * {@code ,}; a key {@code F-Rtd} is factor F, field Rtd, and {@code F-Flag} is its data flag.
 * Stateless and thread-safe.
 */
public final class Hj212Parser {

    public Hj212Packet parse(String seg) throws Hj212Exception {
        int cpStart = seg.indexOf("CP=&&");
        if (cpStart < 0) {
            throw new Hj212Exception(Reason.MALFORMED, "no CP=&&");
        }
        int cpEnd = seg.lastIndexOf("&&");
        if (cpEnd < cpStart + 5) {
            throw new Hj212Exception(Reason.MALFORMED, "CP not closed with &&");
        }
        String qn = null;
        String st = null;
        String cn = null;
        String pw = null;
        String mn = null;
        String flag = null;
        String pnum = null;
        String pno = null;
        int i = 0;
        while (i < cpStart) {
            int end = seg.indexOf(';', i);
            if (end < 0 || end > cpStart) {
                end = cpStart;
            }
            int eq = seg.indexOf('=', i);
            if (eq > i && eq < end) {
                String key = seg.substring(i, eq).strip();
                String value = seg.substring(eq + 1, end).strip();
                switch (key) {
                    case "QN" -> qn = value;
                    case "ST" -> st = value;
                    case "CN" -> cn = value;
                    case "PW" -> pw = value;
                    case "MN" -> mn = value;
                    case "Flag" -> flag = value;
                    case "PNUM" -> pnum = value;
                    case "PNO" -> pno = value;
                    default -> { }
                }
            }
            i = end + 1;
        }
        st = required(st, "ST");
        cn = required(cn, "CN");
        pw = required(pw, "PW");
        mn = required(mn, "MN");

        LocalDateTime dataTime = null;
        List<Hj212Value> values = new ArrayList<>(8);
        List<String[]> flags = null;
        i = cpStart + 5;
        while (i < cpEnd) {
            int end = i;
            while (end < cpEnd && seg.charAt(end) != ';' && seg.charAt(end) != ',') {
                end++;
            }
            int eq = seg.indexOf('=', i);
            if (eq > i && eq < end) {
                int keyStart = skipSpaces(seg, i, eq);
                int dash = lastDash(seg, keyStart, eq);
                if (eq - keyStart == 8 && seg.startsWith("DataTime", keyStart)) {
                    dataTime = dataTime(seg, eq + 1, end);
                } else if (dash > keyStart) {
                    String factor = seg.substring(keyStart, dash);
                    String field = seg.substring(dash + 1, eq);
                    if (field.equals("Flag")) {
                        flags = flags == null ? new ArrayList<>(8) : flags;
                        flags.add(new String[] {factor, seg.substring(eq + 1, end).strip()});
                    } else if (!field.equals("EFlag") && !field.equals("SampleTime")) {
                        values.add(new Hj212Value(factor, field, number(seg, eq + 1, end), null));
                    }
                }
                // A key without "-" (e.g. RtdInterval=30 in a command) is not a measured value.
            }
            i = end + 1;
        }
        if (flags != null) {
            for (int v = 0; v < values.size(); v++) {
                Hj212Value x = values.get(v);
                for (String[] f : flags) {
                    if (f[0].equals(x.factor())) {
                        values.set(v, new Hj212Value(x.factor(), x.field(), x.value(), f[1]));
                    }
                }
            }
        }
        return new Hj212Packet(qn, st, cn, pw, mn, integer(flag, "Flag", 0), pnum == null ? null : integer(pnum, "PNUM", 0),
                pno == null ? null : integer(pno, "PNO", 0), dataTime, values);
    }

    /** The last '-' of the key only ({@code String.lastIndexOf} would scan back through the whole header). */
    private static int lastDash(String s, int keyStart, int eq) {
        for (int i = eq - 1; i > keyStart; i--) {
            if (s.charAt(i) == '-') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        return from;
    }

    /** The value, when present and not empty. */
    private static String required(@Nullable String value, String key) throws Hj212Exception {
        if (value == null || value.isEmpty()) {
            throw new Hj212Exception(Reason.MISSING_FIELD, key);
        }
        return value;
    }

    private static int integer(@Nullable String v, String key, int dflt) throws Hj212Exception {
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Hj212Exception(Reason.MALFORMED, key + " is not a number: " + v);
        }
    }

    /**
     * A plain decimal ({@code -12.345}) read exactly: digits into a long, then one division by a
     * power of ten, which is correctly rounded while both fit a double exactly. Anything else
     * (exponents, very long numbers, {@code NaN} and {@code Infinity}) goes to {@link NumberText};
     * a number that is not usable is the profile transform's to judge, per value, not a reason to
     * refuse the packet.
     */
    static double number(String s, int from, int to) throws Hj212Exception {
        int i = skipSpaces(s, from, to);
        int end = to;
        while (end > i && s.charAt(end - 1) == ' ') {
            end--;
        }
        boolean negative = i < end && s.charAt(i) == '-';
        int p = negative ? i + 1 : i;
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (; p < end; p++) {
            char c = s.charAt(p);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                break;
            }
        }
        if (p == end && digits > 0 && digits <= 15) {
            double v = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
            return negative ? -v : v;
        }
        return NumberText.parse(s.substring(i, end))
                .orElseThrow(() -> new Hj212Exception(Reason.MALFORMED, "not a number: " + s.substring(from, to)));
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    private static int twoDigits(String s, int at) throws Hj212Exception {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            throw new Hj212Exception(Reason.MALFORMED, "DataTime");
        }
        return (a - '0') * 10 + (b - '0');
    }

    /** yyyyMMddHHmmss; some stations append milliseconds, which are ignored. */
    private static LocalDateTime dataTime(String s, int from, int to) throws Hj212Exception {
        if (to - from < 14) {
            throw new Hj212Exception(Reason.MALFORMED, "DataTime " + s.substring(from, to));
        }
        try {
            return LocalDateTime.of(twoDigits(s, from) * 100 + twoDigits(s, from + 2), twoDigits(s, from + 4),
                    twoDigits(s, from + 6), twoDigits(s, from + 8), twoDigits(s, from + 10), twoDigits(s, from + 12));
        } catch (java.time.DateTimeException e) {
            throw new Hj212Exception(Reason.MALFORMED, "DataTime " + s.substring(from, to));
        }
    }
}
