package gridwatch.gateway.ingest.hj212;

import gridwatch.gateway.ingest.hj212.Hj212Exception.Reason;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a data segment ({@code QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;CP=&&…&&}). Header fields are
 * {@code key=value} separated by {@code ;}; CP holds groups separated by {@code ;}, each group
 * {@code key=value} pairs separated by {@code ,}; a key {@code F-Rtd} is factor F, field Rtd,
 * and {@code F-Flag} is its data flag. Stateless and thread-safe.
 */
public final class Hj212Parser {

    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    public Hj212Packet parse(String segment) throws Hj212Exception {
        int cpStart = segment.indexOf("CP=&&");
        if (cpStart < 0) {
            throw new Hj212Exception(Reason.MALFORMED, "no CP=&&");
        }
        int cpEnd = segment.lastIndexOf("&&");
        if (cpEnd < cpStart + 5) {
            throw new Hj212Exception(Reason.MALFORMED, "CP not closed with &&");
        }
        Map<String, String> header = new HashMap<>();
        for (String part : segment.substring(0, cpStart).split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                header.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        String st = required(header, "ST");
        String cn = required(header, "CN");
        String pw = required(header, "PW");
        String mn = required(header, "MN");
        int flag = intField(header, "Flag", 0);
        Integer pnum = header.containsKey("PNUM") ? intField(header, "PNUM", 0) : null;
        Integer pno = header.containsKey("PNO") ? intField(header, "PNO", 0) : null;

        LocalDateTime dataTime = null;
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> flags = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (String group : segment.substring(cpStart + 5, cpEnd).split(";")) {
            for (String pair : group.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (key.equals("DataTime")) {
                    dataTime = dataTime(value);
                    continue;
                }
                int dash = key.lastIndexOf('-');
                if (dash <= 0) {
                    continue; // e.g. RtdInterval=30 in command packets: not a measured value
                }
                String factor = key.substring(0, dash);
                String field = key.substring(dash + 1);
                if (field.equals("Flag")) {
                    flags.put(factor, value);
                } else if (!field.equals("EFlag") && !field.equals("SampleTime")) {
                    try {
                        numbers.put(key, Double.parseDouble(value));
                        order.add(key);
                    } catch (NumberFormatException e) {
                        throw new Hj212Exception(Reason.MALFORMED, "value of " + key + " is not a number: " + value);
                    }
                }
            }
        }
        List<Hj212Value> values = new ArrayList<>(order.size());
        for (String key : order) {
            int dash = key.lastIndexOf('-');
            String factor = key.substring(0, dash);
            values.add(new Hj212Value(factor, key.substring(dash + 1), numbers.get(key), flags.get(factor)));
        }
        return new Hj212Packet(header.get("QN"), st, cn, pw, mn, flag, pnum, pno, dataTime, values);
    }

    private static String required(Map<String, String> header, String key) throws Hj212Exception {
        String v = header.get(key);
        if (v == null || v.isEmpty()) {
            throw new Hj212Exception(Reason.MISSING_FIELD, key);
        }
        return v;
    }

    private static int intField(Map<String, String> header, String key, int dflt) throws Hj212Exception {
        String v = header.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Hj212Exception(Reason.MALFORMED, key + " is not a number: " + v);
        }
    }

    private static LocalDateTime dataTime(String v) throws Hj212Exception {
        // Some stations append milliseconds (yyyyMMddHHmmssSSS); the standard has seconds.
        String s = v.length() > 14 ? v.substring(0, 14) : v;
        try {
            return LocalDateTime.parse(s, DATA_TIME);
        } catch (DateTimeParseException e) {
            throw new Hj212Exception(Reason.MALFORMED, "DataTime " + v);
        }
    }
}
