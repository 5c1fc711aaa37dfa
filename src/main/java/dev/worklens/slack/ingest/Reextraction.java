package dev.worklens.slack.ingest;

import dev.worklens.activity.WorkUnits;
import dev.worklens.slack.client.SlackRecords.SlackChannel;
import dev.worklens.system.Settings;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Derives Slack work units again from the stored raw payloads, without calling Slack (STYLE.md
 * "raw first, then extract"), so new extraction rules — hand-posted standups, names in the text —
 * reach data synced before them. Each operator's roster gets what a sync of all its members over
 * the synced range of every channel the operator is in would give; units are upserts, so running
 * it twice changes nothing. The standup-channel flags are set afresh from the rules that hold now.
 */
@Component
public class Reextraction {

    private static final Logger log = LoggerFactory.getLogger(Reextraction.class);

    /** The shortest stretch of time converted across all channels before the next (see {@link #slices}). */
    static final Duration SHORTEST = Duration.ofDays(7);

    private final Operators operators;
    private final Roster roster;
    private final SlackStore store;
    private final WorkspaceStore workspace;
    private final SlackPreferences preferences;
    private final StandupChannels standupChannels;
    private final ChannelConverter converter;
    private final WorkUnits workUnits;
    private final ExtractionState state;
    private final Settings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    // written only by the one running run
    private long labelNanos;
    private long readNanos;
    private long writeNanos;

    Reextraction(
            Operators operators,
            Roster roster,
            SlackStore store,
            WorkspaceStore workspace,
            SlackPreferences preferences,
            StandupChannels standupChannels,
            ChannelConverter converter,
            WorkUnits workUnits,
            ExtractionState state,
            Settings settings,
            Clock clock) {
        this.operators = operators;
        this.roster = roster;
        this.store = store;
        this.workspace = workspace;
        this.preferences = preferences;
        this.standupChannels = standupChannels;
        this.converter = converter;
        this.workUnits = workUnits;
        this.state = state;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What a run did.
     *
     * @param seconds the whole run
     * @param labelSeconds of which classification of the changed units took this long once they
     *     were announced (units are written with their offline label, so little is left for it)
     * @param readSeconds of which reading the stored messages and parsing their raw payloads
     * @param writeSeconds comparing and writing the units (with their labels), on a thread of its
     *     own while the next messages are read and converted: the phases overlap
     */
    public record Result(
            long messages,
            long workUnits,
            double seconds,
            double labelSeconds,
            double readSeconds,
            double writeSeconds) {

        public Result(long messages, long workUnits, double seconds) {
            this(messages, workUnits, seconds, 0, 0, 0);
        }
    }

    /** Whether a run is going on in this process now. */
    public boolean running() {
        return running.get();
    }

    /**
     * Re-extracts everything stored and records the rules version it applied.
     *
     * @throws IllegalStateException when a run is already going on in this process
     */
    public Result run() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("A re-extraction is already running.");
        }
        try {
            long started = System.nanoTime();
            long messages = 0;
            long units = 0;
            labelNanos = 0;
            readNanos = 0;
            writeNanos = 0;
            // per workspace, the channels some operator's rules make a standup channel now
            Map<String, Set<String>> standups = new HashMap<>();
            for (Operator operator : operators.all()) {
                long[] done = operator(operator, standups);
                messages += done[0];
                units += done[1];
            }
            standups.forEach(workspace::markStandups);
            var result = new Result(
                    messages,
                    units,
                    (System.nanoTime() - started) / 1e9,
                    labelNanos / 1e9,
                    readNanos / 1e9,
                    writeNanos / 1e9);
            state.record(ExtractionState.RULES_VERSION, clock.instant(), result);
            log.info(
                    "Re-extracted {} stored Slack messages into {} work units in {} s",
                    messages,
                    units,
                    String.format("%.1f", result.seconds()));
            return result;
        } finally {
            running.set(false);
        }
    }

    /** The stored range of one channel the operator's syncs read, and how to attribute its messages. */
    record ChannelRange(Attribution.Context ctx, Instant from, Instant to) {}

    /**
     * The channels' ranges cut into stretches of time, in the order to convert them: every channel's
     * part of one stretch before the next stretch. A member's units then go into the work-unit
     * indexes (member, time) and (member, channel and ts) at a few places that move forward together,
     * the same pages again and again while they are in memory. Channel after channel instead walked
     * every member's whole year of index pages once per channel, which on a large workspace no longer
     * fits the database's buffers (1,000,000 messages ran at half the rate of 200,000). A stretch
     * holds about a page of messages per channel on average, and is at least {@link #SHORTEST} long:
     * more, shorter transactions cost more than they save. Each range is covered exactly once.
     *
     * @param messages how many messages the ranges' channels hold
     */
    static List<ChannelRange> slices(List<ChannelRange> ranges, long messages) {
        List<ChannelRange> slices = new ArrayList<>();
        Instant start =
                ranges.stream().map(ChannelRange::from).min(Instant::compareTo).orElse(null);
        Instant end =
                ranges.stream().map(ChannelRange::to).max(Instant::compareTo).orElse(null);
        if (start == null || !start.isBefore(end)) {
            return slices;
        }
        Duration span = Duration.between(start, end);
        Duration length = messages <= 0
                ? span
                : span.multipliedBy((long) ranges.size() * ChannelConverter.PAGE)
                        .dividedBy(messages);
        if (length.compareTo(SHORTEST) < 0) {
            length = SHORTEST;
        }
        for (Instant at = start; at.isBefore(end); at = at.plus(length)) {
            Instant stretchEnd = min(at.plus(length), end);
            for (ChannelRange range : ranges) {
                Instant from = max(range.from(), at);
                Instant to = min(range.to(), stretchEnd);
                if (from.isBefore(to)) {
                    slices.add(new ChannelRange(range.ctx(), from, to));
                }
            }
        }
        return slices;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private long[] operator(Operator operator, Map<String, Set<String>> standups) {
        List<Member> members = roster.members(operator.id());
        String team = operator.teamId();
        if (team == null) {
            return new long[2];
        }
        Set<String> standupChannelIds = standups.computeIfAbsent(team, t -> new HashSet<>());
        if (members.isEmpty()) {
            return new long[2];
        }
        // what the operator's syncs read: the channels they are in, not every channel someone synced.
        // None recorded (their syncs predate the record) is trusted only when no other operator
        // shares the workspace, so nobody's roster gets units from another operator's channels
        Set<String> theirs = workspace.operatorChannels(operator.id(), team);
        boolean alone =
                operators.all().stream().filter(o -> team.equals(o.teamId())).count() == 1;
        if (theirs.isEmpty() && !alone) {
            return new long[2];
        }
        var attribution = new Attribution(members);
        var userNames = workspace.userNames(team);
        var handles = workspace.usergroupHandles(team);
        var channelNames = workspace.channelNames(team);
        Set<String> knownNames = new HashSet<>(workspace.personNames(team));
        members.stream().flatMap(Member::nameKeys).forEach(knownNames::add);
        var ignored = preferences.ignoredChannels(operator.id());
        var patterns = preferences.standupPatterns(operator.id());
        String permalinkBase = preferences.permalinkBase(operator.id());
        Duration lookback = Duration.ofDays(settings.slack().threadLookbackDays());
        List<ChannelRange> ranges = new ArrayList<>();
        for (SlackChannel channel : workspace.channels(team)) {
            var cursor = store.cursor(team, channel.id());
            if (cursor.isEmpty() || ignored.matches(channel.name())) {
                continue; // never read, or skipped by the operator's next syncs too
            }
            if (!theirs.isEmpty() && !theirs.contains(channel.id())) {
                continue; // a channel only another operator is in
            }
            var verdict = standupChannels.decide(team, channel, knownNames, patterns);
            if (verdict.standup()) {
                standupChannelIds.add(channel.id());
            }
            var ctx = new Attribution.Context(
                    team,
                    channel.id(),
                    channel.name(),
                    verdict.standup(),
                    verdict.handPosted(),
                    permalinkBase,
                    userNames,
                    handles,
                    channelNames);
            // a sync reads the look-back before its range for thread parents only; so does this
            ranges.add(new ChannelRange(
                    ctx,
                    cursor.get().coveredFrom().plus(lookback),
                    cursor.get().coveredTo().plus(Duration.ofDays(1))));
        }
        long messages = 0;
        long units = 0;
        try (var writer = new PageWriter(workUnits)) {
            long stored = store.messageCount(
                    team, ranges.stream().map(r -> r.ctx().channelId()).toList());
            // read once per channel, not once per stretch
            Map<String, Map<Long, Instant>> removed = new HashMap<>();
            for (ChannelRange slice : slices(ranges, stored)) {
                var left = removed.computeIfAbsent(slice.ctx().channelId(), c -> converter.removedFrom(slice.ctx()));
                var converted =
                        converter.converted(attribution, slice.ctx(), left, slice.from(), slice.to(), writer::store);
                messages += converted.messages();
                readNanos += converted.readNanos();
                units += converted.units().values().stream()
                        .mapToLong(Integer::longValue)
                        .sum();
            }
            writer.finish();
            writeNanos += writer.writeNanos();
        }
        // classification looks for changed units once, not once per page of every channel
        long labelling = System.nanoTime();
        workUnits.announce(members.stream().map(Member::id).toList(), (int) Math.min(units, Integer.MAX_VALUE));
        labelNanos += System.nanoTime() - labelling;
        return new long[] {messages, units};
    }
}
