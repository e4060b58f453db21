package gridwatch.config.model;

import gridwatch.config.Secret;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * A patrol drone's photos: a folder the gateway watches (what DJI Pilot or a FlightHub sync writes, or an SD card
 * copied in), the gateway's photo upload endpoint, or both. Either way each photo is stored once and analysed once.
 *
 * @param folder        watched folder, recursively; absolute once loaded (written relative to the config file); null:
 *                      uploads only
 * @param settleSeconds a file is read only once its size and modification time have not changed for this long (and
 *                      it then ends with a JPEG end-of-image marker): a file still being copied is never read half-way
 * @param scanSeconds   how often the folder is listed
 * @param upload        whether this drone may upload over HTTP (then {@code token} is required)
 * @param token         the bearer token an upload must carry; from a file or the environment, never inline
 * @param maxBytes      largest photo accepted, from the folder or over HTTP
 * @param maxPixels     largest width × height a photo's JPEG header may claim (checked before anything is decoded)
 */
public record DroneConnection(@Nullable Path folder, Double settleSeconds, Double scanSeconds, Boolean upload,
                              @Nullable Secret token, Long maxBytes, Long maxPixels) implements ConnectionConfig {

    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    public DroneConnection(@Nullable Path folder, @Nullable Double settleSeconds, @Nullable Double scanSeconds, @Nullable Boolean upload,
                           @Nullable Secret token, @Nullable Long maxBytes, @Nullable Long maxPixels) {
        this.folder = folder;
        this.settleSeconds = settleSeconds == null ? 5.0 : settleSeconds;
        this.scanSeconds = scanSeconds == null ? 2.0 : scanSeconds;
        this.upload = upload != null && upload;
        this.token = token;
        this.maxBytes = maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes;
        this.maxPixels = maxPixels == null ? DEFAULT_MAX_PIXELS : maxPixels;
    }
}
