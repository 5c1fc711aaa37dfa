package dev.worklens.team;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Members API on H2")
class MembersApiH2Test extends MembersApiContract {}
