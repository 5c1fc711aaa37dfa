package dev.worklens.classify.claude;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.Headers;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.Backoff;
import dev.worklens.system.retry.Cancellation;
import dev.worklens.system.retry.RetryAfter;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.RetryableStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place the Anthropic SDK is used: sends a forced tool call and returns the tool input.
 * The SDK's own retries are off so that every wait goes through the injected {@link RetryClock} and
 * honours {@code retry-after}; 408, 429 and 5xx (529 overloaded included) are retried, other errors
 * are not.
 */
public class ClaudeMessages implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClaudeMessages.class);
    static final int MAX_ATTEMPTS = 4;
    // a longer retry-after would hold the one background worker for minutes: give up instead,
    // the units keep their offline labels and are tried again on the next pass
    static final Duration LONGEST_WAIT = Duration.ofSeconds(120);
    private static final Backoff BACKOFF = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final Settings.Anthropic settings;
    private final RetryClock clock;
    private final ClaudeLedger ledger;
    private final AtomicLong requests = new AtomicLong();
    private volatile AnthropicClient client;

    public ClaudeMessages(Settings.Anthropic settings, RetryClock clock) {
        this(settings, clock, ClaudeLedger.inMemory(java.time.Clock.systemUTC()));
    }

    public ClaudeMessages(Settings.Anthropic settings, RetryClock clock, ClaudeLedger ledger) {
        this.settings = settings;
        this.clock = clock;
        this.ledger = ledger;
    }

    public ClaudeLedger ledger() {
        return ledger;
    }

    /** 0 when no budget is set. */
    public long monthlyTokenBudget() {
        return settings.monthlyTokenBudget();
    }

    public boolean budgetSpent() {
        return settings.monthlyTokenBudget() > 0 && ledger.tokensThisMonth() >= settings.monthlyTokenBudget();
    }

    /**
     * The cheap authenticated call of the Connect page: {@code GET /v1/models/{model}} spends no
     * tokens and proves the key and the model. Empty when both are fine, else the problem in words.
     */
    public Optional<String> checkKeyAndModel() {
        if (!active()) {
            return Optional.of("Claude is not configured");
        }
        try {
            requests.incrementAndGet();
            client().models().retrieve(settings.model());
            ledger.cleared(ClaudeLedger.Blocker.Kind.KEY, ClaudeLedger.Blocker.Kind.MODEL);
            return Optional.empty();
        } catch (AnthropicServiceException e) {
            var problem = ClaudeProblems.mustFix(e, settings.model());
            problem.ifPresent(p -> ledger.blocked(new ClaudeLedger.Blocker(p.kind(), p.words(), clock.now())));
            return Optional.of(problem.map(ClaudeProblems.Problem::words)
                    .orElse("Anthropic answered HTTP " + e.statusCode()
                            + e.errorType().map(t -> " " + t).orElse("") + "; try again later."));
        } catch (AnthropicIoException e) {
            return Optional.of("Anthropic could not be reached at " + settings.baseUrl() + ".");
        }
    }

    /** Claude is used only with a key and {@code ENABLE_AI_EXTRACTION} not false. */
    public boolean active() {
        return settings.active();
    }

    public String model() {
        return settings.model();
    }

    /** HTTP requests sent so far, retries included. */
    public long requests() {
        return requests.get();
    }

    public JsonNode call(ForcedToolCall call) throws ClaudeUnavailable {
        if (!active()) {
            throw new ClaudeUnavailable("Claude is not configured");
        }
        if (budgetSpent()) {
            throw new ClaudeUnavailable("this month's Claude token budget (ANTHROPIC_MONTHLY_TOKEN_BUDGET="
                    + settings.monthlyTokenBudget() + ") is spent");
        }
        MessageCreateParams params = params(call);
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                requests.incrementAndGet();
                Message message = client().messages().create(params);
                ledger.used(
                        settings.model(),
                        message.usage().inputTokens(),
                        message.usage().outputTokens());
                ledger.cleared();
                return toolInput(message, call.toolName());
            } catch (AnthropicServiceException e) {
                String problem = "HTTP " + e.statusCode()
                        + e.errorType().map(t -> " " + t).orElse("");
                var mustFix = ClaudeProblems.mustFix(e, settings.model());
                if (mustFix.isPresent()) {
                    ledger.blocked(new ClaudeLedger.Blocker(
                            mustFix.get().kind(), mustFix.get().words(), clock.now()));
                    throw new ClaudeUnavailable(mustFix.get().words());
                }
                if (!retryable(e) || attempt == MAX_ATTEMPTS) {
                    throw new ClaudeUnavailable("Claude answered " + problem + " (attempt " + attempt + ")");
                }
                wait = retryAfter(e.headers()).orElse(BACKOFF.after(attempt, clock));
                log.info("Claude answered {}; retrying in {} ms", problem, wait.toMillis());
            } catch (AnthropicIoException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ClaudeUnavailable("Claude could not be reached (attempt " + attempt + ")");
                }
                wait = BACKOFF.after(attempt, clock);
                log.info("Claude could not be reached; retrying in {} ms", wait.toMillis());
            } catch (RuntimeException e) {
                // an answer the SDK cannot read is not worth asking again
                throw new ClaudeUnavailable(
                        "Claude's answer was not understood: " + e.getClass().getSimpleName());
            }
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                throw new ClaudeUnavailable("Claude asked to wait " + wait.toSeconds() + " s; giving up for now");
            }
            try {
                clock.sleep(wait, Cancellation.NONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClaudeUnavailable("interrupted while waiting to retry");
            }
        }
    }

    private MessageCreateParams params(ForcedToolCall call) {
        var schema = Tool.InputSchema.builder()
                .properties(Tool.InputSchema.Properties.builder()
                        .putAllAdditionalProperties(jsonValues(call.properties()))
                        .build())
                .required(call.required())
                .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                .build();
        var tool = Tool.builder()
                .name(call.toolName())
                .description(call.toolDescription())
                .inputSchema(schema)
                .build();
        return MessageCreateParams.builder()
                .model(settings.model())
                .maxTokens(call.maxTokens())
                .system(call.system())
                .addUserMessage(call.user())
                .addTool(tool)
                .toolChoice(ToolChoiceTool.builder().name(call.toolName()).build())
                .build();
    }

    private static Map<String, JsonValue> jsonValues(Map<String, Object> properties) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        properties.forEach((name, schema) -> values.put(name, JsonValue.from(schema)));
        return values;
    }

    private static JsonNode toolInput(Message message, String toolName) throws ClaudeUnavailable {
        Optional<ToolUseBlock> use = message.content().stream()
                .filter(ContentBlock::isToolUse)
                .map(block -> block.toolUse().orElseThrow())
                .filter(block -> toolName.equals(block.name()))
                .findFirst();
        if (use.isEmpty()) {
            throw new ClaudeUnavailable("Claude's answer had no " + toolName + " tool call");
        }
        JsonNode input = use.get()._input().convert(JsonNode.class);
        if (input == null) {
            throw new ClaudeUnavailable("Claude's " + toolName + " call had no input");
        }
        return input;
    }

    private static boolean retryable(AnthropicServiceException e) {
        int status = e.statusCode();
        if (status == 429) {
            // a spend cap answers 429 too, but no wait lifts it before next month
            return e.errorCode().filter("enforced_spend_limit_reached"::equals).isEmpty();
        }
        return RetryableStatus.test(status);
    }

    Optional<Duration> retryAfter(Headers headers) {
        try {
            var millis = headers.values("retry-after-ms");
            if (!millis.isEmpty()) {
                return Optional.of(Duration.ofMillis(
                        (long) Double.parseDouble(millis.get(0).strip())));
            }
            var values = headers.values("retry-after");
            return values.isEmpty() ? Optional.empty() : RetryAfter.parse(values.get(0), clock.now());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private AnthropicClient client() {
        AnthropicClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = AnthropicOkHttpClient.builder()
                            .apiKey(settings.apiKey())
                            .baseUrl(settings.baseUrl().toString().replaceAll("/+$", ""))
                            .maxRetries(0)
                            .timeout(Duration.ofSeconds(90))
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void close() {
        AnthropicClient current = client;
        if (current != null) {
            current.close();
        }
    }
}
