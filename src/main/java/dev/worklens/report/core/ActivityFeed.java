package dev.worklens.report.core;

import dev.worklens.activity.MemberUnits;
import dev.worklens.activity.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** A member's work units in a period, newest first, keyset-paged on (occurred_at, id). */
@Component
public class ActivityFeed {

    public static final int PAGE_SIZE = 50;

    private final MemberUnits units;

    ActivityFeed(MemberUnits units) {
        this.units = units;
    }

    public ActivityPage page(long memberId, ReportPeriod period, ActivityFilter filter, String after) {
        ActivityCursor cursor = after == null || after.isBlank() ? null : ActivityCursor.decode(after);
        List<ActivityItem> items = new ArrayList<>(units
                .page(
                        memberId,
                        period.start(),
                        period.end(),
                        selection(filter),
                        cursor == null ? null : cursor.at(),
                        cursor == null ? null : cursor.id(),
                        PAGE_SIZE + 1)
                .stream()
                .map(ActivityFeed::item)
                .toList());
        String next = null;
        if (items.size() > PAGE_SIZE) {
            items = items.subList(0, PAGE_SIZE);
            ActivityItem last = items.get(PAGE_SIZE - 1);
            next = new ActivityCursor(last.at(), last.id()).encode();
        }
        return new ActivityPage(List.copyOf(items), next);
    }

    /** Every unit the filter selects, newest first, streamed for exports. */
    public void each(long memberId, ReportPeriod period, ActivityFilter filter, Consumer<ActivityItem> sink) {
        units.each(memberId, period.start(), period.end(), selection(filter), u -> sink.accept(item(u)));
    }

    private static MemberUnits.Selection selection(ActivityFilter filter) {
        return new MemberUnits.Selection(
                filter.source(), filter.kind() == null ? null : UnitKind.of(filter.kind()), filter.category());
    }

    private static ActivityItem item(MemberUnits.Shown u) {
        return new ActivityItem(
                u.id(),
                u.kind().code(),
                u.source(),
                u.role(),
                u.at(),
                u.title(),
                u.url(),
                u.category(),
                u.classifier(),
                u.channel(),
                u.repo(),
                u.author(),
                u.body());
    }
}
