package dev.worklens.patterns;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Working rhythm on H2")
class RhythmH2Test extends RhythmContract {}
