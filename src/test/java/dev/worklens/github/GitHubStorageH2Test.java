package dev.worklens.github;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("GitHub storage on H2")
class GitHubStorageH2Test extends GitHubStorageContract {}
