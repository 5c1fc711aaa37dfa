package dev.worklens.slack.client;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.RetryClock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlackClientConfiguration {

    /**
     * One limiter for the whole process: every run for a workspace shares its (workspace, method)
     * gates. The parameter's name lets a test give Slack a clock of its own (a bean of that name).
     */
    @Bean
    SlackRateLimiter slackRateLimiter(RetryClock slackRetryClock) {
        return new SlackRateLimiter(slackRetryClock);
    }

    @Bean
    SlackClient slackClient(Settings settings, SlackRateLimiter limiter, RetryClock slackRetryClock) {
        return new SlackClient(slack(settings.slack().apiUrl()), new SlackCalls(limiter, slackRetryClock));
    }

    static Slack slack(String apiUrl) {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        // the SDK's metrics run background threads and its own rate-limit bookkeeping: ours decides
        config.setStatsEnabled(false);
        config.getMethodsConfig().setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        // no silent re-sends by OkHttp: a dropped connection comes back to SlackCalls, which retries
        var http = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .socketFactory(new NoDelaySockets())
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .build();
        return Slack.getInstance(config, new SlackHttpClient(http));
    }

    /** A request's headers and body leave at once, not held back by Nagle's algorithm. */
    static final class NoDelaySockets extends javax.net.SocketFactory {
        private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

        private static java.net.Socket noDelay(java.net.Socket socket) throws java.io.IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return noDelay(plain.createSocket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(
                java.net.InetAddress address, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            return noDelay(plain.createSocket(address, port, local, localPort));
        }
    }
}
