package gridwatch.gateway.cli;

import java.time.Duration;

/** Parses {@code 90}, {@code 90s}, {@code 2m}, {@code 1h} as a duration. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("use a number with s, m or h: " + s);
        };
    }
}
