/** Readings written to InfluxDB in line protocol by their own writer, with a disk spool while InfluxDB is away. */
@NullMarked
package gridwatch.gateway.timeseries;

import org.jspecify.annotations.NullMarked;
