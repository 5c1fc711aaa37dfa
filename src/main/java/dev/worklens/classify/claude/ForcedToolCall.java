package dev.worklens.classify.claude;

import java.util.List;
import java.util.Map;

/**
 * One Messages API request whose answer must be a call of the one tool it offers.
 *
 * @param properties the JSON schema of the tool input's properties (plain maps, lists, strings)
 */
public record ForcedToolCall(
        String toolName,
        String toolDescription,
        Map<String, Object> properties,
        List<String> required,
        String system,
        String user,
        long maxTokens) {}
