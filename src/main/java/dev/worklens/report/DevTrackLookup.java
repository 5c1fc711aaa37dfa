package dev.worklens.report;

import dev.worklens.team.Member;

/** The report's Dev track panel asks this for a member's career track; the devtrack module implements it. */
public interface DevTrackLookup {

    DevTrackView lookup(Member member);
}
