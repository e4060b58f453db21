package gridwatch.gateway.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * How big a chaos run is. {@code ci} fits the normal {@code ./mvnw verify} on a busy 2-core box
 * (about four minutes for all five scenarios); {@code full} uses the counts of issue 8 and is
 * what {@code scripts/chaos} runs. Chosen with {@code -Dchaos.scale=ci|full} (or the
 * {@code CHAOS_SCALE} environment variable); {@code -Dchaos.seed=N} replays the random moments
 * of an earlier run.
 *
 * @param stations         HJ 212 stations the harness plays; every packet crosses the limit, so each is one alert
 * @param alertsPerSecond  total packet (and so alert) rate across the stations
 * @param brokerRestarts   scenario (a): broker SIGKILLs and SIGTERMs, about half each
 * @param flowMin          shortest stretch of normal flow before the next fault
 * @param flowMax          longest stretch of normal flow before the next fault
 * @param brokerDownMax    longest time the broker stays down (at least half a second)
 * @param blackHoles       scenario (b): times the proxy swallows the connection
 * @param blackHoleFor     how long each black hole lasts
 * @param gatewayKills     scenario (c): gateway SIGKILLs
 * @param diskFullFor      scenario (d): how long the disk stays full once the outbox has noticed
 * @param influxDownFor    scenario (e): how long InfluxDB stays down
 * @param drainTimeout     after the faults, how long every produced alert may take to arrive
 * @param recoveryBound    the longest a recovery may take: the uplink's reconnect backoff caps at 10 s, the
 *                         center's reconnect at 2 s; the rest is slack for a box with load 10 on 2 cores
 */
record ChaosScale(String name, int stations, int alertsPerSecond, int brokerRestarts, Duration flowMin, Duration flowMax,
                  Duration brokerDownMax, int blackHoles, Duration blackHoleFor, int gatewayKills, Duration diskFullFor,
                  Duration influxDownFor, Duration drainTimeout, Duration recoveryBound) {

    static final ChaosScale CI = new ChaosScale("ci", 10, 50, 4, Duration.ofMillis(1500), Duration.ofSeconds(4),
            Duration.ofMillis(2500), 1, Duration.ofSeconds(15), 3, Duration.ofSeconds(6), Duration.ofSeconds(8),
            Duration.ofSeconds(90), Duration.ofSeconds(30));

    static final ChaosScale FULL = new ChaosScale("full", 20, 100, 20, Duration.ofSeconds(2), Duration.ofSeconds(8),
            Duration.ofSeconds(4), 3, Duration.ofSeconds(20), 10, Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(300), Duration.ofSeconds(30));

    static ChaosScale current() {
        String s = System.getProperty("chaos.scale", System.getenv().getOrDefault("CHAOS_SCALE", "ci"));
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "ci" -> CI;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("chaos.scale must be ci or full, not " + s);
        };
    }

    /** The seed for this run's random moments: {@code -Dchaos.seed}, or a fresh one (printed in every summary). */
    static long seed() {
        String s = System.getProperty("chaos.seed", System.getenv().getOrDefault("CHAOS_SEED", ""));
        return s.isBlank() ? System.nanoTime() : Long.parseLong(s.strip());
    }
}
