package dev.worklens.report;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Reports API on H2")
class ReportsApiH2Test extends ReportsApiContract {}
