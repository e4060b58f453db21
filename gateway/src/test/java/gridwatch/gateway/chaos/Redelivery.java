package gridwatch.gateway.chaos;

/**
 * How many duplicates at-least-once delivery may cause. Each fault can cut short at most one
 * in-flight window of the gateway (the config's default {@code maxInflight}, 100) and, when the
 * broker dies, make it redeliver to the center what it had sent since its last autosave (one
 * second, so at most a second's alerts; counted twice for slack on a slow box).
 */
final class Redelivery {

    static final int GATEWAY_WINDOW = 100;

    private Redelivery() {
    }

    static long bound(int faults, ChaosScale scale) {
        return (long) faults * (GATEWAY_WINDOW + 2L * scale.alertsPerSecond());
    }
}
