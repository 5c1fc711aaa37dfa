package dev.worklens.report;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Report builder on H2")
class ReportBuilderH2Test extends ReportBuilderContract {}
