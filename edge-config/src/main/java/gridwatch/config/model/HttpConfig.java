package gridwatch.config.model;

import org.jspecify.annotations.Nullable;

public record HttpConfig(String bind, Integer port) {

    public HttpConfig(@Nullable String bind, @Nullable Integer port) {
        this.bind = bind == null ? "127.0.0.1" : bind;
        this.port = port == null ? 9180 : port;
    }
}
