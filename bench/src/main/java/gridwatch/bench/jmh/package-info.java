/** JMH micro-benchmarks of hot paths; see docs/benchmarks.md for the commands and figures. */
@NullMarked
package gridwatch.bench.jmh;

import org.jspecify.annotations.NullMarked;
