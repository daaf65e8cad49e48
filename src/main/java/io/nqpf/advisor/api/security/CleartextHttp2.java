package io.nqpf.advisor.api.security;

import io.nqpf.advisor.config.AdvisorConfig;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HTTP/2 over cleartext (the {@code Upgrade: h2c} handshake and prior knowledge) is off unless
 * {@code advisor.http.h2c=true}: the limits of this service are set for HTTP/1.1, and a proxy that passes the upgrade
 * on would let a client past its own rules. HTTP/2 over TLS is unaffected.
 */
@ApplicationScoped
public class CleartextHttp2 implements HttpServerOptionsCustomizer {

    private final boolean enabled;

    public CleartextHttp2(AdvisorConfig config) {
        this.enabled = config.http().h2c();
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(enabled);
    }
}
