package gridwatch.gateway.uplink.mqtt;

import gridwatch.config.model.TlsConfig;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import java.nio.file.Path;

/**
 * Builds Paho's socket factory from PEM files with Netty's PEM reader, so no key-store juggling.
 * The paths are absolute: the config loader resolved them against the config file's directory.
 * {@link TlsCheck} reads the same files with the same reader at load time.
 */
final class TlsSockets {

    private TlsSockets() {
    }

    static SSLSocketFactory factory(TlsConfig tls) {
        try {
            SslContextBuilder b = builder().trustManager(tls.caFile().toFile());
            Path cert = tls.certFile();
            Path key = tls.keyFile();
            if (cert != null && key != null) {
                b.keyManager(cert.toFile(), key.toFile());
            }
            SslContext ctx = b.build();
            return ((JdkSslContext) ctx).context().getSocketFactory();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load TLS material (" + tls.caFile() + "): " + e.getMessage(), e);
        }
    }

    static SslContextBuilder builder() {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
    }
}
