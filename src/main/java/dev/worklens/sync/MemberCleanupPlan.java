package dev.worklens.sync;

import java.io.Serializable;
import java.util.List;

/**
 * What a per-member cleanup would delete (a preview) or deleted: per channel or login, by name,
 * the member's work units and the source's own stored rows that go with them; notes say what
 * was left alone and why (a channel Slack would not answer for, say).
 */
public record MemberCleanupPlan(List<Group> groups, List<String> notes) implements Serializable {

    /** One channel (Slack) or one login (GitHub). */
    public record Group(String name, long workUnits, long storedRows) implements Serializable {}

    public long workUnits() {
        return groups.stream().mapToLong(Group::workUnits).sum();
    }

    public long storedRows() {
        return groups.stream().mapToLong(Group::storedRows).sum();
    }

    public boolean empty() {
        return groups.stream().allMatch(g -> g.workUnits() == 0 && g.storedRows() == 0);
    }
}
