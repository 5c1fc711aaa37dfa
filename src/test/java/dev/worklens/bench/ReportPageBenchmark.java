package dev.worklens.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.worklens.activity.MemberUnits;
import dev.worklens.patterns.MemberRhythms;
import dev.worklens.patterns.Span;
import dev.worklens.report.core.ActivityFeed;
import dev.worklens.report.core.ActivityFilter;
import dev.worklens.report.core.ReportBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.report.core.Writing;
import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12: the whole member report page — controller and Thymeleaf, with the Standups and Slack
 * messages sections (bodies paged) — for one member over 365 days on PostgreSQL holding 1,000,000
 * Slack work units with bodies and authors for 200 members ({@code -Dbench.scale} shrinks it).
 * Rendered through MockMvc; prints p50/p95 against the 100 ms target and asserts nothing about time.
 */
@Tag("benchmark")
@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
// templates cached as application.properties runs them: the test profile re-reads and re-parses
// every template on every render, which was half of what this benchmark used to measure; and
// MockMvc does not write down every request and model (Report.toString) in case the test fails,
// which was 6 % of the CPU this benchmark measured
@TestPropertySource(properties = {"spring.thymeleaf.cache=true", "spring.test.mockmvc.print=none"})
class ReportPageBenchmark {

    static final int MEMBERS = 200;
    static final String[] KINDS = {"discussion", "thread_reply", "standup", "discussion", "thread_reply"};

    @Autowired
    DataSource dataSource;

    @Autowired
    MockMvc mvc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    Clock clock;

    @Autowired
    ReportBuilder builder;

    @Autowired
    Writing writing;

    @Autowired
    MemberUnits memberUnits;

    @Autowired
    ActivityFeed feed;

    @Autowired
    MemberRhythms rhythms;

    final double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
    final Random random = new Random(7);

    @Test
    void memberReportPage() throws Exception {
        long operator = operators.local().id();
        long[] members = new long[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            members[m] = roster.add(
                            operator,
                            new MemberFields(
                                    "U%05d".formatted(m), "Dev %03d".formatted(m), null, null, "dev%03d".formatted(m)))
                    .member()
                    .id();
        }
        int count = (int) (1_000_000 * scale);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        load(members, count, now);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM ANALYZE");
        }
        System.out.printf(
                Locale.ROOT,
                "%nReportPageBenchmark scale %.2f: %,d Slack work units with bodies loaded in %.1f s%n",
                scale,
                count,
                (System.nanoTime() - t0) / 1e9);
        LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = to.minusDays(364);
        ReportPeriod year = new ReportPeriod(from, to, ZoneOffset.UTC);
        List<Member> team = roster.members(operator).subList(0, 50);
        // -Dbench.jfr=FILE records the timed renders with Java Flight Recorder, for a profile of where time goes
        String jfr = System.getProperty("bench.jfr");
        var recording = jfr == null ? null : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.start();
        }
        // several rounds of many renders each: one round's p95 moves with the machine, the spread between
        // rounds says how far a single figure can be trusted
        int rounds = Integer.getInteger("bench.rounds", 3);
        for (int round = 1; round <= rounds; round++) {
            double[] ms = ReportBenchmark.measure(round == 1 ? 100 : 20, 300, i -> render(members[i % 50], from, to));
            ReportBenchmark.print("member report page, 365 days (round " + round + ")", ms, "p95 <= 100 ms");
        }
        if (recording != null) {
            recording.stop();
            recording.dump(java.nio.file.Path.of(jfr));
            recording.close();
        }
        // -Dbench.hold=SECONDS keeps the loaded database up, to read query plans with psql (EXPLAIN ANALYZE)
        long hold = Long.getLong("bench.hold", 0);
        if (hold > 0) {
            try (Connection c = dataSource.getConnection()) {
                System.out.printf(
                        Locale.ROOT,
                        "holding %s for %d s; member ids %d..%d%n",
                        c.getMetaData().getURL(),
                        hold,
                        members[0],
                        members[49]);
            }
            Thread.sleep(hold * 1000);
        }
        // the parts the page is made of, each on its own, to say where the time goes
        ReportBenchmark.print(
                "  of which the report builder",
                ReportBenchmark.measure(20, 200, i -> builder.build(team.get(i % 50), year)),
                "(part)");
        ReportBenchmark.print(
                "    of which the units' counts read",
                ReportBenchmark.measure(
                        20, 200, i -> memberUnits.counted(team.get(i % 50).id(), year.start(), year.end())),
                "(part)");
        ReportBenchmark.print(
                "    of which the activity feed's first page",
                ReportBenchmark.measure(20, 200, i -> feed.page(team.get(i % 50).id(), year, ActivityFilter.ANY, null)),
                "(part)");
        ReportBenchmark.print(
                "    of which the working rhythm",
                ReportBenchmark.measure(
                        20, 200, i -> rhythms.of(team.get(i % 50), new Span(year.from(), year.to(), year.zone()))),
                "(part)");
        ReportBenchmark.print(
                "  of which the Standups and messages pages",
                ReportBenchmark.measure(20, 200, i -> {
                    long id = team.get(i % 50).id();
                    return writing.standups(id, year, null, Writing.STANDUPS_PAGE)
                                    .items()
                                    .size()
                            + writing.messages(id, year, null, null)
                                    .page()
                                    .items()
                                    .size();
                }),
                "(part)");
        ReportBenchmark.print(
                "  of which the share summary's standups",
                ReportBenchmark.measure(
                        20, 200, i -> writing.summaryExtras(team.get(i % 50).id(), year)),
                "(part)");
    }

    private int render(long member, LocalDate from, LocalDate to) {
        try {
            return mvc.perform(get("/reports/" + member)
                            .param("from", from.toString())
                            .param("to", to.toString()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()
                    .length();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void load(long[] members, int count, Instant now) throws Exception {
        String copy = "COPY work_units (member_id, source, kind, role, source_key, occurred_at, title, body, url,"
                + " channel, author, thread_reply, content_hash, category, classifier, classified_hash, updated_at)"
                + " FROM STDIN WITH (FORMAT csv)";
        long span = 400L * 86_400;
        try (Connection c = dataSource.getConnection()) {
            var api = c.unwrap(PGConnection.class).getCopyAPI();
            var chunk = new StringBuilder();
            for (int i = 0; i < count; i++) {
                long member = members[i % members.length];
                String kind = KINDS[random.nextInt(KINDS.length)];
                String role = random.nextInt(100) < 18 && !kind.equals("standup") ? "mentioned" : "authored";
                Instant at = now.minusSeconds((long) (random.nextDouble() * span));
                String channel = kind.equals("standup") ? "team-daily" : "eng-" + random.nextInt(30);
                String body = kind.equals("standup")
                        ? "*Yesterday*\n• billing export " + i + "\n*Today*\n• invoices <@U00001>\n*Blockers*\nnone"
                        : "Message " + i + " about the *billing* export :rocket: <https://github.com/acme/api/pull/"
                                + (i % 900) + "|PR>";
                String hash = Long.toHexString(random.nextLong());
                chunk.append(member)
                        .append(",slack,")
                        .append(kind)
                        .append(',')
                        .append(role)
                        .append(",slack:T1:C")
                        .append(channel)
                        .append(':')
                        .append(at.getEpochSecond())
                        .append('.')
                        .append(i)
                        .append(',')
                        .append(at)
                        .append(",\"Message ")
                        .append(i)
                        .append("\",\"")
                        .append(body.replace("\"", "\"\""))
                        .append("\",https://acme.slack.com/archives/C1/p")
                        .append(i)
                        .append(',')
                        .append(channel)
                        .append(",Dev ")
                        .append(i % 7)
                        .append(',')
                        .append(kind.equals("thread_reply"))
                        .append(',')
                        .append(hash)
                        .append(",feature,offline,")
                        .append(hash)
                        .append(',')
                        .append(now)
                        .append('\n');
                if (chunk.length() > 8_000_000 || i == count - 1) {
                    api.copyIn(copy, new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
        }
    }
}
