/**
 * Connectors: one per connection type, each a config record (in edge-config) + a load-time check +
 * a factory for its {@link gridwatch.gateway.ingest.Source} (or a station on a shared listener),
 * found through the {@link gridwatch.gateway.ingest.connector.ConnectorRegistry}.
 */
@NullMarked
package gridwatch.gateway.ingest.connector;

import org.jspecify.annotations.NullMarked;
