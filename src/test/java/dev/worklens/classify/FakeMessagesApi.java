package dev.worklens.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for the Anthropic Messages API ({@code POST /v1/messages}) answering in its
 * documented shape: a {@code message} whose content is one {@code tool_use} block for the tool the
 * request forced. By default it labels every unit it is sent and writes plausible insights; tests
 * script failures or odd answers for the next requests.
 */
public final class FakeMessagesApi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final Deque<Function<JsonNode, MockResponse>> script = new ConcurrentLinkedDeque<>();
    private final List<RecordedCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Function<JsonNode, String> category = unit -> "architecture";
    private volatile int failEveryRequest;
    /** Models {@code GET /v1/models/{id}} answers 404 for; everything else exists. */
    public final java.util.Set<String> unknownModels = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** When set, every request (models included) is answered with 401 authentication_error. */
    public volatile boolean keyRevoked;

    public record RecordedCall(JsonNode body, String apiKey, String path) {
        public String tool() {
            return body.path("tool_choice").path("name").asText();
        }

        /** The units of a classification request, read back from the user message. */
        public JsonNode units() {
            String text = body.path("messages").get(0).path("content").asText();
            try {
                return JSON.readTree(text.substring(text.indexOf('\n') + 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public FakeMessagesApi() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body;
                try {
                    body = JSON.readTree(
                            request.getBody() == null ? "{}" : request.getBody().utf8());
                } catch (IOException e) {
                    return error(400, "invalid_request_error", "body is not JSON");
                }
                calls.add(
                        new RecordedCall(body, apiKey(request), request.getUrl().encodedPath()));
                String path = request.getUrl().encodedPath();
                if ("GET".equals(request.getMethod()) && path.startsWith("/v1/models/")) {
                    return model(path.substring("/v1/models/".length()));
                }
                if (!"/v1/messages".equals(path)) {
                    return error(404, "not_found_error", "no such route");
                }
                if (keyRevoked) {
                    return error(401, "authentication_error", "invalid x-api-key");
                }
                if (unknownModels.contains(body.path("model").asText())) {
                    return error(
                            404,
                            "not_found_error",
                            "model: " + body.path("model").asText());
                }
                if (failEveryRequest != 0) {
                    return error(failEveryRequest, "api_error", "fake outage");
                }
                var scripted = script.poll();
                return scripted != null ? scripted.apply(body) : answer(body);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // the SDK sends the key as x-api-key or as a bearer token, depending on its version
    private static String apiKey(RecordedRequest request) {
        String key = request.getHeaders().get("x-api-key");
        String authorization = request.getHeaders().get("authorization");
        if (key == null && authorization != null && authorization.startsWith("Bearer ")) {
            key = authorization.substring("Bearer ".length());
        }
        return key;
    }

    public URI baseUrl() {
        return URI.create(server.url("/").toString());
    }

    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public int callCount() {
        return calls.size();
    }

    public void reset() {
        script.clear();
        calls.clear();
        category = unit -> "architecture";
        failEveryRequest = 0;
        unknownModels.clear();
        keyRevoked = false;
    }

    /** Every request fails with this status until {@link #reset()}. */
    void failEveryRequest(int status) {
        failEveryRequest = status;
    }

    public long callsOf(String tool) {
        return calls().stream().filter(call -> tool.equals(call.tool())).count();
    }

    void labelWith(Function<JsonNode, String> rule) {
        category = rule;
    }

    /** {@code GET /v1/models/{id}}: the documented ModelInfo, or 404 not_found_error. */
    private MockResponse model(String id) {
        if (keyRevoked) {
            return error(401, "authentication_error", "invalid x-api-key");
        }
        if (unknownModels.contains(id)) {
            return error(404, "not_found_error", "model: " + id);
        }
        ObjectNode info = JSON.createObjectNode();
        info.put("type", "model");
        info.put("id", id);
        info.put("display_name", "Claude (fake) " + id);
        info.put("created_at", "2026-02-17T00:00:00Z");
        return new MockResponse.Builder()
                .code(200)
                .setHeader("content-type", "application/json")
                .body(info.toString())
                .build();
    }

    /** The next request fails with this status, error type and message, as Anthropic documents errors. */
    void failNextWith(int status, String type, String message) {
        script.add(body -> error(status, type, message));
    }

    /** The next request fails with this status and error type, with {@code retry-after} when given. */
    void failNext(int status, String type, String retryAfter) {
        script.add(body -> {
            var response = new MockResponse.Builder()
                    .code(status)
                    .setHeader("content-type", "application/json")
                    .setHeader("request-id", "req_fake")
                    .body(errorBody(type));
            if (retryAfter != null) {
                response.setHeader("retry-after", retryAfter);
            }
            return response.build();
        });
    }

    /** The next request is answered with a tool call whose input is made from the request. */
    void answerNext(Function<JsonNode, JsonNode> input) {
        script.add(body -> toolUse(body, input.apply(body)));
    }

    private MockResponse answer(JsonNode body) {
        String tool = body.path("tool_choice").path("name").asText();
        if ("record_labels".equals(tool)) {
            return toolUse(body, labels(body));
        }
        if ("record_insights".equals(tool)) {
            ObjectNode input = JSON.createObjectNode();
            input.put("summary", "Steady delivery with a focus on design work.");
            input.putArray("highlights")
                    .add("Shipped the sync engine")
                    .add("Reviewed others' code")
                    .add("Led design");
            input.putArray("watch_items").add("One quiet week");
            input.put("alignment", "Standups match GitHub activity on most days.");
            return toolUse(body, input);
        }
        return error(400, "invalid_request_error", "unexpected tool " + tool);
    }

    ObjectNode labels(JsonNode body) {
        ObjectNode input = JSON.createObjectNode();
        ArrayNode labels = input.putArray("labels");
        for (JsonNode unit : new RecordedCall(body, null, null).units()) {
            labels.addObject()
                    .put("id", unit.path("id").asText())
                    .put("category", category.apply(unit))
                    .put("confidence", 0.8)
                    .put("title", "Short " + unit.path("id").asText());
        }
        return input;
    }

    private MockResponse toolUse(JsonNode body, JsonNode input) {
        ObjectNode message = JSON.createObjectNode();
        int id = ids.incrementAndGet();
        message.put("id", "msg_fake_" + id);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", body.path("model").asText());
        ObjectNode block = message.putArray("content").addObject();
        block.put("type", "tool_use");
        block.put("id", "toolu_fake_" + id);
        block.put("name", body.path("tool_choice").path("name").asText());
        block.set("input", input);
        message.put("stop_reason", "tool_use");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 1000).put("output_tokens", 200);
        return new MockResponse.Builder()
                .code(200)
                .setHeader("content-type", "application/json")
                .body(message.toString())
                .build();
    }

    private static MockResponse error(int status, String type, String message) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("content-type", "application/json")
                .body(errorBody(type, message))
                .build();
    }

    private static String errorBody(String type) {
        return errorBody(type, "fake " + type);
    }

    private static String errorBody(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        body.put("request_id", "req_fake");
        return body.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
