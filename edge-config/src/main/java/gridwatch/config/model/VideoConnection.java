package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import gridwatch.config.PathBinding;
import gridwatch.config.Secret;

/**
 * A camera stream or recording, decoded through FFmpeg: {@code rtsp://}, {@code http(s)://}
 * (MJPEG stream or a JPEG snapshot URL, polled), or a file path. Credentials are never inline:
 * they are inserted into the URL at connect time. A file path is absolute once loaded (written
 * relative to the config file); a URL stays as written.
 *
 * @param analysisFps frames per second the rules look at, independent of the stream's rate
 * @param realtime    for files: play at the recording's own speed (true) or as fast as decoding allows
 * @param decode      {@code auto}: every frame up to the last one due for analysis in each GOP, then
 *                    straight to the next keyframe (only due frames are converted to BGR; streams with
 *                    B-frames are decoded whole, see {@code DecoderSkip}); {@code all}:
 *                    every frame; {@code keyframes}: only keyframes reach the decoder, so a camera costs
 *                    a fraction, but the analysis rate is then at most one frame per GOP
 */
public record VideoConnection(@JsonDeserialize(using = PathBinding.UrlOrPath.class) String url, @Nullable String username, @Nullable Secret password, Double analysisFps, String rtspTransport,
                              Boolean loop, Boolean realtime, Double snapshotIntervalSeconds, String decode) implements ConnectionConfig {

    public VideoConnection(@JsonDeserialize(using = PathBinding.UrlOrPath.class) String url, @Nullable String username,
                           @Nullable Secret password, @Nullable Double analysisFps, @Nullable String rtspTransport,
                           @Nullable Boolean loop, @Nullable Boolean realtime, @Nullable Double snapshotIntervalSeconds,
                           @Nullable String decode) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.analysisFps = analysisFps == null ? 2.0 : analysisFps;
        this.rtspTransport = rtspTransport == null ? "tcp" : rtspTransport;
        this.loop = loop != null && loop;
        this.realtime = realtime == null || realtime;
        this.snapshotIntervalSeconds = snapshotIntervalSeconds == null ? 1.0 : snapshotIntervalSeconds;
        this.decode = decode == null ? "auto" : decode;
    }
}
