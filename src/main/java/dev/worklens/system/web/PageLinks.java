package dev.worklens.system.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as the templates spell them. Spring Boot registers a
 * {@link ResourceUrlEncodingFilter} because the WebJars locator turns the resource chain on; it
 * passes every {@code @{…}} link of every page through the static-resource resolvers, and for a
 * page's own links ({@code /reports/12?channel=…}) that is a miss each time — four classpath
 * locations searched through every jar, never cached. The member report page spent a quarter of
 * its CPU there (ReportPageBenchmark, JFR). Nothing needs the rewriting: no resource is versioned
 * by content, and WebJar paths without a version are resolved when the asset is requested, not
 * when the link is written. A disabled registration keeps Boot from adding the filter.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
