package gridwatch.gateway.ingest;

import gridwatch.detectors.core.Reading;

/** Where sources hand their readings. Must not block; thread-safe. */
@FunctionalInterface
public interface ReadingSink {

    void accept(Reading reading);
}
