package dev.worklens.activity;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Day tallies of own activity on H2")
class LocalDaysH2Test extends LocalDaysContract {}
