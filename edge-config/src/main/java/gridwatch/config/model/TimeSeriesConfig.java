package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

/** Time-series storage; {@code influxdb} null means readings are not stored. */
public record TimeSeriesConfig(@Nullable InfluxConfig influxdb) {
}
