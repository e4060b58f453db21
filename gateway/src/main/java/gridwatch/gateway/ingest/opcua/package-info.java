/** OPC UA servers (Eclipse Milo client): monitored items to readings. */
@NullMarked
package gridwatch.gateway.ingest.opcua;

import org.jspecify.annotations.NullMarked;
