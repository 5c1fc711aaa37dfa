package dev.worklens.github;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("GitHub's day tallies on H2")
class DayTalliesH2Test extends DayTalliesContract {}
