package dev.worklens.github;

import dev.worklens.activity.WorkUnits;
import dev.worklens.github.client.GitHubClients;
import dev.worklens.github.client.SearchPacer;
import dev.worklens.github.ingest.CoveredRanges;
import dev.worklens.github.ingest.DayTallies;
import dev.worklens.github.ingest.GitHubRows;
import dev.worklens.github.ingest.OverviewCollector;
import dev.worklens.github.ingest.RepositoryCollector;
import dev.worklens.github.ingest.WorkUnitConversion;
import dev.worklens.system.Settings;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.system.retry.RetryClock;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class GitHubConfiguration {

    /**
     * One budget for the whole process: every task and job of this instance shares it. The
     * parameter's name lets a test give GitHub a clock of its own (a bean of that name).
     */
    @Bean
    SearchPacer gitHubSearchPacer(
            @Value("${worklens.github.search-per-window:30}") int limit,
            @Value("${worklens.github.search-window:60s}") Duration window,
            RetryClock gitHubRetryClock) {
        return new SearchPacer(limit, window, gitHubRetryClock);
    }

    @Bean
    GitHubClients gitHubClients(Settings settings, SearchPacer pacer, RetryClock gitHubRetryClock) {
        return new GitHubClients(settings.github(), pacer, gitHubRetryClock, GitHubClients.Limits.defaults());
    }

    @Bean
    GitHubRows gitHubRows(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        return new GitHubRows(jdbc, dialect, clock);
    }

    @Bean
    DayTallies gitHubDayTallies(JdbcTemplate jdbc, SqlDialect dialect) {
        return new DayTallies(jdbc, dialect);
    }

    @Bean
    CoveredRanges gitHubCoveredRanges(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        return new CoveredRanges(jdbc, dialect, clock);
    }

    @Bean
    WorkUnitConversion gitHubWorkUnitConversion(JdbcTemplate jdbc, WorkUnits workUnits) {
        return new WorkUnitConversion(jdbc, workUnits);
    }

    @Bean
    OverviewCollector gitHubOverviewCollector(GitHubRows rows, CoveredRanges covered) {
        return new OverviewCollector(rows, covered);
    }

    @Bean
    RepositoryCollector gitHubRepositoryCollector(GitHubRows rows, CoveredRanges covered) {
        return new RepositoryCollector(rows, covered);
    }
}
