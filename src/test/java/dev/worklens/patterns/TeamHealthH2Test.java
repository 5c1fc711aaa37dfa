package dev.worklens.patterns;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Team health on H2")
class TeamHealthH2Test extends TeamHealthContract {}
