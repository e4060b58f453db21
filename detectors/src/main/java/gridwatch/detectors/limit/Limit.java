package gridwatch.detectors.limit;

import java.time.Instant;

/** The limit in force at a moment; day/night limits depend on local time. */
@FunctionalInterface
public interface Limit {

    double at(Instant when);

    /** The same limit at every hour. */
    static Limit constant(double value) {
        return when -> value;
    }
}
