package gridwatch.config.model;

/** Time-series storage; {@code influxdb} null means readings are not stored. */
public record TimeSeriesConfig(InfluxConfig influxdb) {
}
