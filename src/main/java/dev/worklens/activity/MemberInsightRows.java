package dev.worklens.activity;

import java.util.Map;

/**
 * The insights kept per member, which the classification module owns and implements this for, so
 * the leftover data of removed members can be counted and deleted without naming its table here.
 */
public interface MemberInsightRows {

    /** Rows per member id, for every member that has any. */
    Map<Long, Long> countsByMember();

    /** Deletes one member's rows; the number deleted. */
    long deleteOf(long memberId);
}
