package gridwatch.config.model;

public record HttpConfig(String bind, Integer port) {

    public HttpConfig {
        bind = bind == null ? "127.0.0.1" : bind;
        port = port == null ? 9180 : port;
    }
}
