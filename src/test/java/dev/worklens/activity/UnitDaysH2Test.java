package dev.worklens.activity;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Day tallies of the team overview's unit counts on H2")
class UnitDaysH2Test extends UnitDaysContract {}
