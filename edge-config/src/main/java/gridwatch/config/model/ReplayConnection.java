package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * Replays a recorded trace from {@code seeds/} as if the device were live.
 *
 * @param file    CSV with {@code offsetSeconds,resource,value}; absolute once loaded (written relative to the config file)
 * @param speed   how many trace seconds pass per wall-clock second
 * @param startAt when the trace began; readings carry this time plus their offset
 * @param loop    start again at the end
 */
public record ReplayConnection(Path file, Double speed, @Nullable OffsetDateTime startAt, Boolean loop) implements ConnectionConfig {

    public ReplayConnection(Path file, @Nullable Double speed, @Nullable OffsetDateTime startAt,
                            @Nullable Boolean loop) {
        this.file = file;
        this.speed = speed == null ? 1.0 : speed;
        this.startAt = startAt;
        this.loop = loop != null && loop;
    }
}
