package dev.worklens.system.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints invalid settings as a list a person can act on instead of a stack trace. */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
        var description = new StringBuilder("Worklens cannot start because of its settings:\n");
        cause.problems().forEach(p -> description.append("  - ").append(p).append('\n'));
        return new FailureAnalysis(
                description.toString(),
                "Fix the settings above in the environment or the .env file, then start again."
                        + " The README lists every setting with its default.",
                null);
    }
}
