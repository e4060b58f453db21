package gridwatch.gateway.uplink.mqtt;

import gridwatch.config.model.TlsConfig;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import java.io.File;

/** Builds Paho's socket factory from PEM files with Netty's PEM reader, so no key-store juggling. */
final class TlsSockets {

    private TlsSockets() {
    }

    static SSLSocketFactory factory(TlsConfig tls) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .trustManager(new File(tls.caFile()));
            if (tls.certFile() != null) {
                b.keyManager(new File(tls.certFile()), new File(tls.keyFile()));
            }
            SslContext ctx = b.build();
            return ((JdkSslContext) ctx).context().getSocketFactory();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot load TLS material (" + tls.caFile() + "): " + e.getMessage(), e);
        }
    }
}
