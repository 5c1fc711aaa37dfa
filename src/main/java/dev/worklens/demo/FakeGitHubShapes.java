package dev.worklens.demo;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes GitHub documents for search items, pull requests, reviews, commits and issues. */
final class FakeGitHubShapes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakeGitHubShapes() {}

    static ObjectNode searchItem(FakeGitHubData.Pull p, String apiUrl) {
        ObjectNode item = JSON.createObjectNode()
                .put("id", (long) p.repo().hashCode() * 100_000 + p.number())
                .put("number", p.number())
                .put("title", p.title())
                .put("html_url", "https://github.com/" + p.repo() + "/pull/" + p.number())
                .put("url", apiUrl + "/repos/" + p.repo() + "/issues/" + p.number())
                .put("repository_url", apiUrl + "/repos/" + p.repo())
                .put("state", p.state())
                .put("draft", false)
                .put("created_at", p.createdAt().toString())
                .put("updated_at", p.updatedAt().toString());
        item.set("user", JSON.createObjectNode().put("login", p.author()).put("type", "User"));
        putTime(item, "closed_at", p.closedAt());
        item.put("score", 1.0);
        ObjectNode pr = JSON.createObjectNode().put("url", apiUrl + "/repos/" + p.repo() + "/pulls/" + p.number());
        putTime(pr, "merged_at", p.mergedAt());
        item.set("pull_request", pr);
        return item;
    }

    static JsonNode commitJson(FakeGitHubData.Commit c) {
        ObjectNode node = JSON.createObjectNode()
                .put("sha", c.sha())
                .put("html_url", "https://github.com/" + c.repo() + "/commit/" + c.sha());
        ObjectNode commit = JSON.createObjectNode().put("message", c.message());
        commit.set(
                "author",
                JSON.createObjectNode()
                        .put("name", "Someone")
                        .put("date", c.date().toString()));
        commit.set(
                "committer",
                JSON.createObjectNode()
                        .put("name", "Someone")
                        .put("date", c.date().toString()));
        node.set("commit", commit);
        if (c.author() == null) {
            node.putNull("author");
        } else {
            node.set("author", JSON.createObjectNode().put("login", c.author()));
        }
        return node;
    }

    static ObjectNode pullJson(FakeGitHubData.Pull p) {
        ObjectNode node = JSON.createObjectNode()
                .put("number", p.number())
                .put("title", p.title())
                .put("html_url", "https://github.com/" + p.repo() + "/pull/" + p.number())
                .put("state", p.state())
                .put("draft", false)
                .put("created_at", p.createdAt().toString())
                .put("updated_at", p.updatedAt().toString());
        putTime(node, "merged_at", p.mergedAt());
        putTime(node, "closed_at", p.closedAt());
        node.set("user", JSON.createObjectNode().put("login", p.author()));
        return node;
    }

    static JsonNode reviewJson(FakeGitHubData.Review r) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", r.id())
                .put("state", r.state())
                .put("submitted_at", r.submittedAt().toString())
                .put(
                        "html_url",
                        "https://github.com/" + r.repo() + "/pull/" + r.number() + "#pullrequestreview-" + r.id());
        node.set("user", JSON.createObjectNode().put("login", r.reviewer()));
        return node;
    }

    static ObjectNode issueJson(FakeGitHubData.Issue i) {
        ObjectNode node = JSON.createObjectNode()
                .put("number", i.number())
                .put("title", i.title())
                .put("html_url", "https://github.com/" + i.repo() + "/issues/" + i.number())
                .put("state", "open")
                .put("created_at", i.createdAt().toString())
                .put("updated_at", i.updatedAt().toString());
        node.putNull("closed_at");
        node.set("user", JSON.createObjectNode().put("login", i.author()));
        return node;
    }

    static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text).put("documentation_url", "https://docs.github.com/rest");
    }

    static void putTime(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }
}
