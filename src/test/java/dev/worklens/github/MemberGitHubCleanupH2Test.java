package dev.worklens.github;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Per-member GitHub cleanup on H2")
class MemberGitHubCleanupH2Test extends MemberGitHubCleanupContract {}
