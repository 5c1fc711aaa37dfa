package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.worklens.WorklensApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Slack accepts only https:// redirect URLs: scripts/local-https.sh makes a PEM pair and the app
 * serves HTTPS from TLS_CERT_FILE / TLS_KEY_FILE.
 */
@DisplayName("Local HTTPS from scripts/local-https.sh")
class LocalHttpsTest {

    @Test
    @DisplayName("the script's certificate and key make the app answer over HTTPS")
    void servesHttps(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("openssl") || onPath("mkcert"), "needs openssl or mkcert");
        Process script = new ProcessBuilder("bash", "scripts/local-https.sh", dir.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).isZero();
        assertThat(dir.resolve("cert.pem")).exists();
        assertThat(Files.readString(dir.resolve("key.pem"))).contains("PRIVATE KEY");

        try (var app = new SpringApplicationBuilder(WorklensApplication.class)
                .profiles("test")
                .run(
                        "--TLS_CERT_FILE=" + dir.resolve("cert.pem"),
                        "--TLS_KEY_FILE=" + dir.resolve("key.pem"),
                        "--server.port=0",
                        "--db-scheduler.enabled=false")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient client = HttpClient.newBuilder().sslContext(trustAll()).build();
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("ok");
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** The certificate is self-signed for this test only. */
    static SSLContext trustAll() throws Exception {
        TrustManager[] all = {
            new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] c, String a) {}

                public void checkServerTrusted(X509Certificate[] c, String a) {}

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, all, new SecureRandom());
        return context;
    }
}
