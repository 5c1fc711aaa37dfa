package dev.worklens.slack;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackRecords.ChannelPage;
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
import dev.worklens.slack.ingest.StandupChannels;
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
    private final StandupChannels standupChannels;

    SlackSource(
            SlackClient client,
            SlackPeople people,
            SlackStore store,
            WorkspaceStore workspace,
            ChannelReader reader,
            ChannelConverter converter,
            SlackPreferences preferences,
            Roster roster,
            Settings settings,
            StandupChannels standupChannels) {
        this.client = client;
        this.people = people;
        this.store = store;
        this.workspace = workspace;
        this.reader = reader;
        this.converter = converter;
        this.preferences = preferences;
        this.roster = roster;
        this.settings = settings;
        this.standupChannels = standupChannels;
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
            List<SlackChannel> channels = channels(run, session, preferences.ignoredChannels(operator.id()), notes);
            refreshTimeZones(operator, people.readAll(session));
            readUsergroups(session, notes);
            open(tasks).forEach(t -> t.total(channels.size()));

            var attribution =
                    new Attribution(open(tasks).stream().map(SourceTask::member).toList());
            var userNames = workspace.userNames(session.teamId());
            var handles = workspace.usergroupHandles(session.teamId());
            var channelNames = workspace.channelNames(session.teamId());
            var standupPatterns = preferences.standupPatterns(operator.id());
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
                    if (channel.isPrivate() && e.privateScopeMissing()) {
                        // listed with groups:read but not readable without groups:history
                        skipPrivate(run, notes, e);
                        open(tasks).forEach(t -> t.advance(1, 0));
                        continue;
                    }
                    if (!e.channelUnreadable()) {
                        throw e;
                    }
                    notes.add("#" + channel.name() + " skipped: " + e.getMessage());
                    open(tasks).forEach(t -> t.advance(1, 0));
                    continue;
                }
                var standup = standupChannels.of(session.teamId(), channel, knownNames, standupPatterns);
                var ctx = new Attribution.Context(
                        session.teamId(),
                        channel.id(),
                        channel.name(),
                        standup.standup(),
                        standup.handPosted(),
                        permalinkBase,
                        userNames,
                        handles,
                        channelNames);
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

    /**
     * Channels the operator is in, public and private, not archived, minus the ignored patterns.
     * Private channels are listed only when the operator is in them, and Slack does not always set
     * {@code is_member} on them, so every private channel listed is the operator's. A token without
     * {@code groups:read} gets the public channels and a note saying how to grant the scope.
     */
    private List<SlackChannel> channels(
            SourceRun run, SlackSession session, ChannelPatterns ignored, List<String> notes) {
        List<SlackChannel> mine = new ArrayList<>();
        List<String> memberOf = new ArrayList<>();
        boolean withPrivate = true;
        String cursor = null;
        while (true) {
            ChannelPage page;
            try {
                page = client.channels(session, cursor, withPrivate);
            } catch (SlackApiError e) {
                if (!withPrivate || !e.privateScopeMissing()) {
                    throw e;
                }
                // Slack refuses the whole list when one type asked for lacks its scope: start again
                withPrivate = false;
                cursor = null;
                mine.clear();
                memberOf.clear();
                skipPrivate(run, notes, e);
                continue;
            }
            workspace.saveChannels(session.teamId(), page.channels());
            page.channels().stream().filter(SlackSource::operatorIn).forEach(c -> memberOf.add(c.id()));
            page.channels().stream()
                    .filter(c -> operatorIn(c) && !c.isArchived() && !ignored.matches(c.name()))
                    .forEach(mine::add);
            cursor = page.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        // ignored channels are recorded too: they are the ones this operator's cleanup may clear
        workspace.saveOperatorChannels(run.operator().id(), session.teamId(), memberOf);
        return mine;
    }

    private static boolean operatorIn(SlackChannel channel) {
        return channel.isMember() || channel.isPrivate();
    }

    /** Says once, on the Sync page and in the job's note, that private channels were skipped and why. */
    private static void skipPrivate(SourceRun run, List<String> notes, SlackApiError e) {
        String note = e.privateChannelsSkipped();
        if (!notes.contains(note)) {
            notes.add(note);
            run.note(note);
        }
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

    private static List<SourceTask> open(List<SourceTask> tasks) {
        return tasks.stream().filter(t -> !t.finished()).toList();
    }
}
