package gridwatch.detectors.core;

import org.jspecify.annotations.Nullable;

/**
 * Something the center can look at to confirm a finding.
 *
 * @param kind      e.g. {@code series} (recent readings inline) or {@code snapshot} (an image)
 * @param mediaType MIME type of {@code data} or of what {@code ref} points to
 * @param ref       where to fetch it, or null when inline
 * @param data      inline content (a JSON-friendly value), or null
 */
public record Evidence(String kind, String mediaType, @Nullable String ref, @Nullable Object data) {
}
