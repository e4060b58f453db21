package gridwatch.gateway.ingest.video;

import gridwatch.config.model.VideoConnection;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/** Where FFmpeg reads a camera from: a URL with the credentials put in at connect time, or a file. */
record StreamUrl(String forFfmpeg, String forLogs, boolean file) {

    static StreamUrl of(VideoConnection c, Path configDir) {
        String url = c.url();
        if (!url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            Path p = configDir.resolve(url).normalize();
            return new StreamUrl(p.toString(), p.toString(), true);
        }
        if (url.startsWith("file://")) {
            String p = URI.create(url).getPath();
            return new StreamUrl(p, p, true);
        }
        if (c.username() == null) {
            return new StreamUrl(url, url, false);
        }
        // the schema requires a password with a username
        String user = enc(c.username()) + ":" + enc(new String(Objects.requireNonNull(c.password()).reveal()));
        int at = url.indexOf("://") + 3;
        return new StreamUrl(url.substring(0, at) + user + "@" + url.substring(at), url, false);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
