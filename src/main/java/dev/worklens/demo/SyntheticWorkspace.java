package dev.worklens.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A made-up but plausible engineering team: people, Slack channels with threads, mentions and a
 * standup bot, and GitHub pull requests with reviews. The same seed always gives the same
 * workspace, so the demo, the benchmarks and the end-to-end tests can compare runs.
 */
public final class SyntheticWorkspace {

    /**
     * @param threadEvery one discussion message in this many starts a thread (3 by default; the
     *     benchmarks raise it to build channels of hundreds of thousands of messages cheaply)
     */
    public record Spec(
            int members,
            int channels,
            int days,
            LocalDate lastDay,
            long seed,
            double messagesPerMemberDay,
            int threadEvery) {

        public Spec(int members, int channels, int days, LocalDate lastDay, long seed, double messagesPerMemberDay) {
            this(members, channels, days, lastDay, seed, messagesPerMemberDay, 3);
        }

        public Spec {
            if (threadEvery < 1) {
                throw new IllegalArgumentException("threadEvery must be at least 1");
            }
        }

        public static Spec demo(LocalDate lastDay) {
            return new Spec(6, 7, 120, lastDay, 42, 3.0);
        }

        public Instant start() {
            return lastDay.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public Instant end() {
            return lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    public record Person(
            String userId, String handle, String realName, String displayName, String email, String githubLogin) {}

    public record Channel(String id, String name, boolean isPrivate, boolean standup, List<Message> messages) {}

    /** A top-level message with its thread replies (oldest first), or a reply itself. */
    public record Message(
            String ts, String userId, String botUsername, String subtype, String text, List<Message> replies) {

        public boolean isBot() {
            return botUsername != null;
        }

        public String latestReply() {
            return replies.isEmpty() ? null : replies.get(replies.size() - 1).ts();
        }
    }

    public record Review(long id, String reviewerLogin, String state, Instant submittedAt) {}

    public record PullRequest(
            long id,
            String repo,
            int number,
            String title,
            String authorLogin,
            Instant createdAt,
            Instant mergedAt,
            Instant closedAt,
            List<Review> reviews) {

        public String state() {
            return closedAt == null ? "open" : "closed";
        }

        public Instant updatedAt() {
            Instant latest = closedAt != null ? closedAt : createdAt;
            for (Review r : reviews) {
                if (r.submittedAt().isAfter(latest)) {
                    latest = r.submittedAt();
                }
            }
            return latest;
        }
    }

    public static final String TEAM_ID = "T0DEMO0001";
    public static final String TEAM_NAME = "Acme Engineering";
    public static final String STANDUP_BOT_ID = "B0STANDUP1";

    private static final String[][] NAMES = {
        {"Mia Chen", "mia"}, {"Don Vo", "don.vo"}, {"Priya Natarajan", "priya"}, {"Lucas Silva", "lucas"},
        {"Aisha Bello", "aisha"}, {"Tomás Ortega", "tomas"}, {"Hana Sato", "hana"}, {"Ben Okafor", "ben"},
        {"Sara Lind", "sara"}, {"Omar Haddad", "omar"}, {"Julia Kowalski", "julia"}, {"Ravi Menon", "ravi"}
    };
    private static final String[] CHANNELS = {
        "eng-backend", "eng-frontend", "standup", "incidents", "design-review", "platform", "releases", "random"
    };
    private static final String[] REPOS = {"acme/payments-api", "acme/web-app", "acme/infra", "acme/mobile"};
    private static final String[] TOPICS = {
        "checkout retries", "invoice export", "login flow", "search indexing", "rate limiter", "billing webhooks",
        "onboarding emails", "CI pipeline", "feature flags", "audit log", "dark mode", "API pagination"
    };
    private static final String[] SAYINGS = {
        "Fixed the bug in %s that dropped requests under load",
        "Implemented the first cut of %s behind a flag",
        "Wrote up an RFC for the %s architecture, feedback welcome",
        "Pairing with a new joiner on %s this afternoon",
        "Incident: %s is timing out in production, investigating",
        "Reviewed the %s changes, left a few comments",
        "Updated the README and docs for %s",
        "Planning next sprint: %s needs an estimate",
        "Deployed the %s upgrade to staging, on-call is aware",
        "Any opinions on how we should handle %s edge cases?"
    };
    private static final String[] PR_TITLES = {
        "Fix %s race condition", "Add %s endpoint", "Refactor %s module", "Document %s",
        "Upgrade dependencies for %s", "Hotfix: %s null pointer", "Implement %s pagination", "Design doc: %s"
    };

    private final Spec spec;
    private final List<Person> people;
    private final List<Channel> channels;
    private final List<PullRequest> pullRequests;

    private SyntheticWorkspace(Spec spec) {
        this.spec = spec;
        var random = new Random(spec.seed());
        this.people = generatePeople(spec);
        this.channels = generateChannels(spec, people, random);
        this.pullRequests = steadyGitHub(spec, people, generatePullRequests(spec, people, random));
    }

    private SyntheticWorkspace(Spec spec, List<Person> people, List<Channel> channels, List<PullRequest> pullRequests) {
        this.spec = spec;
        this.people = people;
        this.channels = channels;
        this.pullRequests = pullRequests;
    }

    public static SyntheticWorkspace generate(Spec spec) {
        return new SyntheticWorkspace(spec);
    }

    /** A copy with one more message in the named channel, e.g. hostile text for an escaping test. */
    public SyntheticWorkspace withMessage(String channelName, Message message) {
        return withMessages(channelName, List.of(message));
    }

    /**
     * This workspace with extra messages added to the channel of that name, so a test can serve text
     * the generator never writes (hostile markup, say); everything else stays as generated.
     */
    public SyntheticWorkspace withMessages(String channelName, List<Message> extra) {
        if (channels.stream().noneMatch(c -> c.name().equals(channelName))) {
            throw new IllegalArgumentException("no channel named " + channelName);
        }
        List<Channel> changed = new ArrayList<>();
        for (Channel c : channels) {
            if (c.name().equals(channelName)) {
                List<Message> messages = new ArrayList<>(c.messages());
                messages.addAll(extra);
                c = new Channel(c.id(), c.name(), c.isPrivate(), c.standup(), sortedNewestFirst(messages));
            }
            changed.add(c);
        }
        return new SyntheticWorkspace(spec, people, List.copyOf(changed), pullRequests);
    }

    public Spec spec() {
        return spec;
    }

    /** The first person is the manager who signs in; the others are their team. */
    public List<Person> people() {
        return people;
    }

    public Person manager() {
        return people.get(0);
    }

    public List<Channel> channels() {
        return channels;
    }

    public List<PullRequest> pullRequests() {
        return pullRequests;
    }

    public long messageCount() {
        return channels.stream()
                .flatMap(c -> c.messages().stream())
                .mapToLong(m -> 1 + m.replies().size())
                .sum();
    }

    private static List<Person> generatePeople(Spec spec) {
        List<Person> result = new ArrayList<>();
        for (int i = 0; i <= spec.members(); i++) {
            String[] name = NAMES[i % NAMES.length];
            String suffix = i < NAMES.length ? "" : String.valueOf(i / NAMES.length);
            String handle = name[1] + suffix;
            String real = name[0] + (suffix.isEmpty() ? "" : " " + suffix);
            String display = i % 3 == 0 ? real : handle;
            // GitHub logins keep a capital letter now and then: logins compare case-insensitively
            String login = (i % 4 == 1 ? capitalise(handle) : handle).replace('.', '-') + "-acme";
            result.add(new Person(
                    String.format(Locale.ROOT, "U%08d", 1000 + i),
                    handle,
                    real,
                    display,
                    handle + "@acme.example",
                    login));
        }
        return result;
    }

    private static List<Channel> generateChannels(Spec spec, List<Person> people, Random random) {
        List<Channel> result = new ArrayList<>();
        int messagesPerChannelDay = (int) Math.max(
                1, Math.round(spec.messagesPerMemberDay() * people.size() / Math.max(1, spec.channels() - 1)));
        for (int c = 0; c < spec.channels(); c++) {
            String base = CHANNELS[c % CHANNELS.length];
            String name = c < CHANNELS.length ? base : base + "-" + (c / CHANNELS.length);
            boolean standup = base.equals("standup");
            String id = String.format(Locale.ROOT, "C%08d", 2000 + c);
            List<Message> messages =
                    standup ? standups(spec, people, random) : discussion(spec, people, random, messagesPerChannelDay);
            result.add(new Channel(id, name, c % 5 == 4, standup, messages));
        }
        // a channel the default ignore patterns leave out, so cleanup and ignoring have something to show
        result.add(new Channel("C09999999", "nimble-bots", false, false, discussion(spec, people, random, 2)));
        return rhythms(spec, people, result);
    }

    /** The demo's night owl: in UTC+7, late evenings and some weekends (the working-rhythm panel shows it). */
    static final int NIGHT_OWL = 2;
    /** The demo's steady one: every message inside 09:00–17:00 UTC on weekdays, never after hours. */
    static final int STEADY = 3;

    /** Each person's Slack {@code tz}: the night owl in Ho Chi Minh City, everyone else in UTC. */
    public static String timeZone(List<Person> people, Person p) {
        return people.size() > NIGHT_OWL && people.get(NIGHT_OWL).equals(p) ? "Asia/Ho_Chi_Minh" : "UTC";
    }

    /**
     * Gives two people a rhythm of their own: the steady one's messages move inside working hours,
     * the night owl gets late messages on some Saturdays and Sundays. A separate seed, so the rest of
     * the workspace is what it was before.
     */
    private static List<Channel> rhythms(Spec spec, List<Person> people, List<Channel> channels) {
        if (people.size() <= STEADY) {
            return channels;
        }
        String steady = people.get(STEADY).userId();
        String owl = people.get(NIGHT_OWL).userId();
        Random random = new Random(16);
        List<Channel> result = new ArrayList<>();
        boolean first = true;
        for (Channel c : channels) {
            List<Message> messages = new ArrayList<>();
            for (Message m : c.messages()) {
                messages.add(steadied(m, steady, spec.end()));
            }
            if (first && !c.standup()) {
                first = false;
                Instant start = spec.start();
                for (int day = 0; day < spec.days(); day++) {
                    Instant dayStart = start.plus(Duration.ofDays(day));
                    if (isWeekend(dayStart) && random.nextInt(3) > 0) {
                        // 14:00–16:59 UTC is 21:00–23:59 in Ho Chi Minh City, on a weekend
                        Instant at = dayStart.plusSeconds(14 * 3600 + random.nextInt(3 * 3600));
                        messages.add(new Message(ts(at, random), owl, null, null, saying(random), List.of()));
                    }
                    if (!isWeekend(dayStart) && random.nextInt(2) == 0) {
                        // 17:00–20:59 UTC is 00:00–03:59 local: late night
                        Instant at = dayStart.plusSeconds(17 * 3600 + random.nextInt(4 * 3600));
                        messages.add(new Message(ts(at, random), owl, null, null, saying(random), List.of()));
                    }
                }
            }
            result.add(new Channel(c.id(), c.name(), c.isPrivate(), c.standup(), sortedNewestFirst(messages)));
        }
        return result;
    }

    /**
     * The steady person's messages and replies at 09:00–16:59 UTC of their own day; one on a
     * weekend (a reply to a Friday thread) moves to the Monday after, or the Friday before when that
     * Monday is past {@code end}.
     */
    private static Message steadied(Message m, String userId, Instant end) {
        List<Message> replies =
                m.replies().stream().map(r -> steadied(r, userId, end)).toList();
        if (!userId.equals(m.userId())) {
            return replies.equals(m.replies())
                    ? m
                    : new Message(m.ts(), m.userId(), m.botUsername(), m.subtype(), m.text(), replies);
        }
        String[] parts = m.ts().split("\\.");
        long seconds = Long.parseLong(parts[0]);
        long day = Math.floorDiv(seconds, 86_400) * 86_400;
        long inDay = seconds - day;
        if (inDay < 9 * 3600 || inDay >= 17 * 3600) {
            inDay = 9 * 3600 + Math.floorMod(inDay, 8 * 3600);
        }
        long at = day + inDay;
        int weekday =
                Instant.ofEpochSecond(at).atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
        if (weekday > 5) {
            long monday = at + (8 - weekday) * 86_400L;
            at = monday < end.getEpochSecond() ? monday : at - (weekday - 5) * 86_400L;
        }
        String ts = at + "." + parts[1];
        return new Message(ts, m.userId(), m.botUsername(), m.subtype(), m.text(), replies);
    }

    private static List<Message> discussion(Spec spec, List<Person> people, Random random, int perDay) {
        List<Message> messages = new ArrayList<>();
        Instant start = spec.start();
        for (int day = 0; day < spec.days(); day++) {
            Instant dayStart = start.plus(Duration.ofDays(day));
            if (isWeekend(dayStart)) {
                continue;
            }
            for (int n = 0; n < perDay; n++) {
                Instant at = dayStart.plusSeconds(8 * 3600 + random.nextInt(10 * 3600));
                Person author = people.get(random.nextInt(people.size()));
                String text = saying(random);
                if (random.nextInt(4) == 0) {
                    Person other = people.get(random.nextInt(people.size()));
                    text = "<@" + other.userId() + "> " + text;
                }
                if (random.nextInt(15) == 0) {
                    text = text + " cc <!subteam^S0BACKEND|@backend-team>";
                }
                List<Message> replies = new ArrayList<>();
                if (random.nextInt(spec.threadEvery()) == 0) {
                    int count = 1 + random.nextInt(4);
                    Instant replyAt = at;
                    for (int r = 0; r < count; r++) {
                        // some replies arrive days later, after the parent's day
                        replyAt = replyAt.plusSeconds(300 + random.nextInt(r == count - 1 ? 3 * 86400 : 7200));
                        Person replier = people.get(random.nextInt(people.size()));
                        replies.add(new Message(
                                ts(replyAt, random),
                                replier.userId(),
                                null,
                                null,
                                "Agreed — " + saying(random),
                                List.of()));
                    }
                }
                messages.add(new Message(ts(at, random), author.userId(), null, null, text, List.copyOf(replies)));
                if (random.nextInt(40) == 0) {
                    messages.add(new Message(
                            ts(at.plusSeconds(1), random),
                            author.userId(),
                            null,
                            "channel_join",
                            "<@" + author.userId() + "> has joined the channel",
                            List.of()));
                }
            }
        }
        return sortedNewestFirst(messages);
    }

    private static List<Message> standups(Spec spec, List<Person> people, Random random) {
        List<Message> messages = new ArrayList<>();
        Instant start = spec.start();
        for (int day = 0; day < spec.days(); day++) {
            Instant dayStart = start.plus(Duration.ofDays(day));
            if (isWeekend(dayStart)) {
                continue;
            }
            for (int p = 1; p < people.size(); p++) {
                if (random.nextInt(6) == 0) {
                    continue; // nobody posts every single day
                }
                Person person = people.get(p);
                Instant at = dayStart.plusSeconds(9 * 3600 + random.nextInt(3600));
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                String text = "*Yesterday:* worked on " + topic + "\n*Today:* " + saying(random) + "\n*Blockers:* "
                        + (random.nextInt(5) == 0 ? "waiting on review" : "none");
                // the bot reposts under the person's name, in whatever casing its config has
                String username = p % 2 == 0 ? person.realName().toUpperCase(Locale.ROOT) : person.realName();
                List<Message> replies = random.nextInt(5) == 0
                        ? List.of(new Message(
                                ts(at.plusSeconds(600), random),
                                person.userId(),
                                null,
                                null,
                                "Update: unblocked now",
                                List.of()))
                        : List.of();
                messages.add(new Message(ts(at, random), null, username, "bot_message", text, replies));
            }
        }
        return sortedNewestFirst(messages);
    }

    private static List<PullRequest> generatePullRequests(Spec spec, List<Person> people, Random random) {
        List<PullRequest> result = new ArrayList<>();
        int[] numbers = new int[REPOS.length];
        long reviewId = 900_000;
        Instant start = spec.start().minus(Duration.ofDays(20));
        long window = Duration.between(start, spec.end()).toSeconds();
        for (Person author : people) {
            int count = (int) Math.round(spec.days() / 4.0 * (0.5 + random.nextDouble()));
            for (int n = 0; n < count; n++) {
                int repo = random.nextInt(REPOS.length);
                Instant created = start.plusSeconds((long) (random.nextDouble() * window));
                boolean merged = random.nextInt(5) != 0;
                Instant mergedAt = merged ? created.plusSeconds(3600 + random.nextInt(5 * 86400)) : null;
                Instant closedAt =
                        mergedAt != null ? mergedAt : (random.nextInt(3) == 0 ? created.plusSeconds(86400) : null);
                if (closedAt != null && closedAt.isAfter(spec.end())) {
                    mergedAt = null;
                    closedAt = null;
                }
                List<Review> reviews = new ArrayList<>();
                int reviewers = 1 + random.nextInt(2);
                for (int r = 0; r < reviewers; r++) {
                    Person reviewer = people.get(random.nextInt(people.size()));
                    if (reviewer == author) {
                        continue;
                    }
                    Instant at = created.plusSeconds(1800 + random.nextInt(2 * 86400));
                    if (at.isAfter(spec.end())) {
                        continue;
                    }
                    reviews.add(new Review(
                            reviewId++, reviewer.githubLogin(), random.nextInt(3) == 0 ? "COMMENTED" : "APPROVED", at));
                }
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                String title = String.format(PR_TITLES[random.nextInt(PR_TITLES.length)], topic);
                result.add(new PullRequest(
                        5_000_000L + result.size(),
                        REPOS[repo],
                        ++numbers[repo] + 100,
                        title,
                        author.githubLogin(),
                        created,
                        mergedAt,
                        closedAt,
                        List.copyOf(reviews)));
            }
        }
        return result;
    }

    /**
     * The steady person's GitHub work inside working hours too (weekdays 09:00–16:59 UTC, their
     * zone): pull requests they opened move earlier, so each still opens before it merges; reviews
     * they submitted move later, so each still follows the pull request, and one that would pass the
     * last day is left out, as the generator does. Uses no randomness, so everything else stays.
     */
    private static List<PullRequest> steadyGitHub(Spec spec, List<Person> people, List<PullRequest> pulls) {
        if (people.size() <= STEADY) {
            return pulls;
        }
        String login = people.get(STEADY).githubLogin();
        List<PullRequest> result = new ArrayList<>(pulls.size());
        for (PullRequest pr : pulls) {
            List<Review> reviews = new ArrayList<>();
            for (Review r : pr.reviews()) {
                if (!r.reviewerLogin().equals(login)) {
                    reviews.add(r);
                    continue;
                }
                Instant at = workingHoursFrom(r.submittedAt(), 1);
                if (!at.isAfter(spec.end())) {
                    reviews.add(new Review(r.id(), r.reviewerLogin(), r.state(), at));
                }
            }
            Instant created = pr.authorLogin().equals(login) ? workingHoursFrom(pr.createdAt(), -1) : pr.createdAt();
            result.add(new PullRequest(
                    pr.id(),
                    pr.repo(),
                    pr.number(),
                    pr.title(),
                    pr.authorLogin(),
                    created,
                    pr.mergedAt(),
                    pr.closedAt(),
                    List.copyOf(reviews)));
        }
        return result;
    }

    /**
     * The nearest instant at or after ({@code direction} 1) or at or before (-1) {@code at} that
     * falls on a weekday between 09:00 and 16:59 UTC, keeping the minutes and seconds.
     */
    static Instant workingHoursFrom(Instant at, int direction) {
        var t = at.atZone(ZoneOffset.UTC);
        while (true) {
            boolean weekday = t.getDayOfWeek().getValue() <= 5;
            int hour = t.getHour();
            if (weekday && hour >= 9 && hour < 17) {
                return t.toInstant();
            }
            if (direction > 0) {
                t = hour < 9 && weekday ? t.withHour(9) : t.plusDays(1).withHour(9);
            } else {
                t = hour >= 17 && weekday ? t.withHour(16) : t.minusDays(1).withHour(16);
            }
        }
    }

    private static String saying(Random random) {
        return String.format(SAYINGS[random.nextInt(SAYINGS.length)], TOPICS[random.nextInt(TOPICS.length)]);
    }

    private static String ts(Instant at, Random random) {
        return at.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    }

    private static boolean isWeekend(Instant day) {
        var dow = day.atZone(ZoneOffset.UTC).getDayOfWeek();
        return dow.getValue() >= 6;
    }

    private static List<Message> sortedNewestFirst(List<Message> messages) {
        // parse each ts once: large benchmark channels hold hundreds of thousands of messages
        record Keyed(java.math.BigDecimal key, Message message) {}
        List<Keyed> keyed = new ArrayList<>(messages.size());
        messages.forEach(m -> keyed.add(new Keyed(new java.math.BigDecimal(m.ts()), m)));
        keyed.sort((a, b) -> b.key().compareTo(a.key()));
        return Collections.unmodifiableList(keyed.stream().map(Keyed::message).toList());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
