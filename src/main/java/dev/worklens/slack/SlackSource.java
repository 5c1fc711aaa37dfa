package dev.worklens.slack;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackRecords.SlackChannel;
import dev.worklens.slack.client.SlackRecords.SlackPerson;
import dev.worklens.slack.client.SlackSession;
import dev.worklens.slack.ingest.Attribution;
import dev.worklens.slack.ingest.ChannelConverter;
import dev.worklens.slack.ingest.ChannelPatterns;
import dev.worklens.slack.ingest.ChannelReader;
import dev.worklens.slack.ingest.SlackPeople;
import dev.worklens.slack.ingest.SlackPreferences;
import dev.worklens.slack.ingest.SlackStore;
import dev.worklens.slack.ingest.WorkspaceStore;
import dev.worklens.sync.Source;
import dev.worklens.sync.SourceRun;
import dev.worklens.sync.SourceTask;
import dev.worklens.system.Settings;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slack as a sync source: reads each of the operator's channels once for the whole job and
 * attributes what it read to every member of the run, so the number of Slack calls does not
 * depend on how many members are synced.
 */
@Component
class SlackSource implements Source {

    private static final Logger log = LoggerFactory.getLogger(SlackSource.class);

    private final SlackClient client;
    private final SlackPeople people;
    private final SlackStore store;
    private final WorkspaceStore workspace;
    private final ChannelReader reader;
    private final ChannelConverter converter;
    private final SlackPreferences preferences;
    private final Roster roster;
    private final Settings settings;

    SlackSource(
            SlackClient client,
            SlackPeople people,
            SlackStore store,
            WorkspaceStore workspace,
            ChannelReader reader,
            ChannelConverter converter,
            SlackPreferences preferences,
            Roster roster,
            Settings settings) {
        this.client = client;
        this.people = people;
        this.store = store;
        this.workspace = workspace;
        this.reader = reader;
        this.converter = converter;
        this.preferences = preferences;
        this.roster = roster;
        this.settings = settings;
    }

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public void run(SourceRun run) {
        Operator operator = run.operator();
        List<SourceTask> tasks = run.tasks();
        List<String> notes = new ArrayList<>();
        try {
            SlackSession session = people.session(operator, run::checkCancelled);
            List<SlackChannel> channels = channels(operator, session, preferences.ignoredChannels(operator.id()));
            refreshTimeZones(operator, people.readAll(session));
            readUsergroups(session, notes);
            open(tasks).forEach(t -> t.total(channels.size()));

            var attribution =
                    new Attribution(open(tasks).stream().map(SourceTask::member).toList());
            var userNames = workspace.userNames(session.teamId());
            var handles = workspace.usergroupHandles(session.teamId());
            Set<String> knownNames = knownNames(operator, session.teamId());
            String permalinkBase = preferences.permalinkBase(operator.id());
            Instant windowStart =
                    run.range().start().minus(Duration.ofDays(settings.slack().threadLookbackDays()));
            for (SlackChannel channel : channels) {
                run.checkCancelled();
                try {
                    reader.read(
                            session,
                            channel.id(),
                            windowStart,
                            run.range().start(),
                            run.range().endExclusive());
                } catch (SlackApiError e) {
                    if (!e.channelUnreadable()) {
                        throw e;
                    }
                    notes.add("#" + channel.name() + " skipped: " + e.getMessage());
                    open(tasks).forEach(t -> t.advance(1, 0));
                    continue;
                }
                boolean standup = standupChannel(session.teamId(), channel, knownNames);
                var ctx = new Attribution.Context(
                        session.teamId(), channel.id(), channel.name(), standup, permalinkBase, userNames, handles);
                var stored = converter.convert(
                        attribution, ctx, run.range().start(), run.range().endExclusive());
                for (SourceTask task : open(tasks)) {
                    task.advance(1, stored.getOrDefault(task.member().id(), 0));
                }
            }
        } catch (SlackApiError e) {
            people.revokedIfDead(operator, e);
            log.info("Slack sync for operator {} failed: {}", operator.id(), e.code());
            open(tasks).forEach(t -> t.fail(e.getMessage()));
        } finally {
            preferences.saveLastSyncNotes(operator.id(), String.join("\n", notes));
        }
    }

    /** Channels the operator is in, public and private, not archived, minus the ignored patterns. */
    private List<SlackChannel> channels(Operator operator, SlackSession session, ChannelPatterns ignored) {
        List<SlackChannel> mine = new ArrayList<>();
        List<String> memberOf = new ArrayList<>();
        String cursor = null;
        do {
            var page = client.channels(session, cursor);
            workspace.saveChannels(session.teamId(), page.channels());
            page.channels().stream().filter(SlackChannel::isMember).forEach(c -> memberOf.add(c.id()));
            page.channels().stream()
                    .filter(c -> c.isMember() && !c.isArchived() && !ignored.matches(c.name()))
                    .forEach(mine::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        // ignored channels are recorded too: they are the ones this operator's cleanup may clear
        workspace.saveOperatorChannels(operator.id(), session.teamId(), memberOf);
        return mine;
    }

    private void readUsergroups(SlackSession session, List<String> notes) {
        try {
            workspace.saveUsergroups(
                    session.teamId(), client.usergroups(session).usergroups());
        } catch (SlackApiError e) {
            if (e.tokenDead()) {
                throw e;
            }
            // usergroups only serve display: a free workspace or a missing scope must not stop a sync
            notes.add("Usergroup handles not refreshed: " + e.getMessage());
        }
    }

    private Set<String> knownNames(Operator operator, String teamId) {
        Set<String> names = new HashSet<>(workspace.personNames(teamId));
        roster.members(operator.id()).stream().flatMap(Member::nameKeys).forEach(names::add);
        return names;
    }

    /** Every Slack sync refreshes the roster's zones from users.list; a zone set by hand stays. */
    private void refreshTimeZones(Operator operator, List<SlackPerson> everyone) {
        Map<String, String> tz = new HashMap<>();
        everyone.stream().filter(p -> p.tz() != null).forEach(p -> tz.put(p.id(), p.tz()));
        roster.refreshTimeZones(operator.id(), tz);
    }

    /** Pinned by SLACK_STANDUP_CHANNELS, or found: a bot reposts under the names of people. */
    private boolean standupChannel(String teamId, SlackChannel channel, Set<String> knownNames) {
        boolean pinned = settings.slack().standupChannels().stream()
                .map(s -> s.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals(channel.name().toLowerCase(Locale.ROOT)) || s.equalsIgnoreCase(channel.id()));
        boolean standup = pinned
                || workspace.isStandup(teamId, channel.id())
                || store.botNames(teamId, channel.id()).stream()
                        .map(Member::nameKey)
                        .anyMatch(knownNames::contains);
        workspace.markStandup(teamId, channel.id(), standup);
        return standup;
    }

    private static List<SourceTask> open(List<SourceTask> tasks) {
        return tasks.stream().filter(t -> !t.finished()).toList();
    }
}
