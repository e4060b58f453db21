package gridwatch.gateway.alert.json;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, the fraction in groups of three digits, none when whole),
 * written directly: every alert carries three times, and the JDK's formatter took 130 ns for each. Years outside
 * 0000–9999, which {@code toString} writes with a sign and more digits, are left to it. {@code IsoInstantTest} holds
 * the two equal over the range. Thread-safe (stateless).
 */
final class IsoInstant {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long MIN = -62_167_219_200L;
    private static final long MAX = 253_402_300_800L;

    private IsoInstant() {
    }

    static String text(Instant t) {
        long sec = t.getEpochSecond();
        if (sec < MIN || sec >= MAX) {
            return t.toString();
        }
        long days = Math.floorDiv(sec, SECONDS_PER_DAY);
        int secOfDay = (int) Math.floorMod(sec, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted), proleptic Gregorian as java.time.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int nano = t.getNano();
        byte[] b = new byte[nano == 0 ? 20 : nano % 1_000_000 == 0 ? 24 : nano % 1000 == 0 ? 27 : 30];
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, month, 2);
        b[7] = '-';
        digits(b, 8, day, 2);
        b[10] = 'T';
        digits(b, 11, secOfDay / 3600, 2);
        b[13] = ':';
        digits(b, 14, secOfDay / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, secOfDay % 60, 2);
        int end = 19;
        if (nano != 0) {
            b[19] = '.';
            int fraction = b.length - 21;
            digits(b, 20, fraction == 3 ? nano / 1_000_000 : fraction == 6 ? nano / 1000 : nano, fraction);
            end = 20 + fraction;
        }
        b[end] = 'Z';
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
