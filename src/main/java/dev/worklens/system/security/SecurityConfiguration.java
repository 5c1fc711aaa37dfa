package dev.worklens.system.security;

import dev.worklens.system.Settings;
import dev.worklens.system.Settings.AuthMode;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

// web security only exists in a web application: the sync-due command starts without one
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Settings settings) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable()) // no cookies are used on /api: the key header is the credential
                .cors(cors -> cors.configurationSource(corsSource(settings.app().corsOrigins())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new InternalApiKeyFilter(settings), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            Settings settings,
            ObjectProvider<LocalOperatorSignIn> localOperator,
            SignedInOperators signedIn,
            OperatorStanding standing,
            Clock clock)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/auth/slack/start",
                                "/auth/slack/callback",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/auth/signed-out")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // the page asked for before signing in waits in a cookie, so an anonymous request stores no session
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/auth/slack/start")))
                .logout(logout -> logout.logoutUrl("/auth/sign-out").logoutSuccessUrl("/auth/signed-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                + " script-src 'self'; frame-ancestors 'none'; form-action 'self' "
                                + settings.slack().baseUrl())));
        http.addFilterAfter(new StandingFilter(standing, signedIn, clock), SecurityContextHolderFilter.class);
        if (settings.app().authMode() == AuthMode.LOCAL) {
            http.addFilterBefore(
                    new LocalSignInFilter(localOperator.getObject(), signedIn),
                    UsernamePasswordAuthenticationFilter.class);
        }
        return http.build();
    }

    /**
     * The session cookie, said once: HttpOnly, SameSite=Lax, and Secure with an https base URL
     * (HardeningTest saw it leave with none of the three before this bean).
     */
    @Bean
    CookieSerializer sessionCookie(Settings settings) {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName("SESSION");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        if ("https".equalsIgnoreCase(settings.app().baseUrl().getScheme())) {
            cookie.setUseSecureCookie(true);
        }
        return cookie;
    }

    /** Ahead of everything, pages and API alike, and only in AUTH_MODE=local. */
    @Bean
    FilterRegistrationBean<LocalRequestGuard> localRequestGuard(Settings settings) {
        var registration = new FilterRegistrationBean<>(new LocalRequestGuard());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(settings.app().authMode() == AuthMode.LOCAL);
        return registration;
    }

    static CorsConfigurationSource corsSource(List<String> origins) {
        var source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            var config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
            config.setAllowedHeaders(List.of("Content-Type", InternalApiKeyFilter.HEADER));
            config.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }
}
