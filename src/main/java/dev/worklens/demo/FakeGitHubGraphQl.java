package dev.worklens.demo;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GraphQL {@code user.contributionsCollection}: {@code pullRequestReviewContributions}, paged by
 * cursor, and the {@code *ContributionsByRepository} lists.
 */
final class FakeGitHubGraphQl {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakeGitHubGraphQl() {}

    static ObjectNode answer(
            FakeGitHubData data,
            JsonNode request,
            int pageSize,
            AtomicInteger graphqlFirstPages,
            AtomicInteger graphqlOverCap) {
        JsonNode vars = request.path("variables");
        String login = vars.path("login").asString();
        JsonNode after = vars.path("after");
        if (after.isNull() || after.isMissingNode()) {
            graphqlFirstPages.incrementAndGet();
        }
        if (!data.knows(login)) {
            ObjectNode body = JSON.createObjectNode();
            body.set("data", JSON.createObjectNode().putNull("user"));
            body.set(
                    "errors",
                    JSON.createArrayNode()
                            .add(JSON.createObjectNode()
                                    .put("type", "NOT_FOUND")
                                    .put("message", "Could not resolve to a User with the login of '" + login + "'.")
                                    .set("path", JSON.createArrayNode().add("user"))));
            return body;
        }
        Instant from = Instant.parse(vars.path("from").asString());
        Instant to = Instant.parse(vars.path("to").asString());
        if (java.time.Duration.between(from, to).toDays() > 366) {
            return graphqlError("The total time spanned by 'from' and 'to' must not exceed 1 year");
        }
        if (request.path("query").asString().contains("ContributionsByRepository")) {
            return repositories(data, login, from, to);
        }
        List<FakeGitHubData.Review> hits = data.reviews.stream()
                .filter(r -> r.reviewer().equalsIgnoreCase(login))
                .filter(r -> !r.submittedAt().isBefore(from) && !r.submittedAt().isAfter(to))
                .sorted(Comparator.comparing(FakeGitHubData.Review::submittedAt)
                        .thenComparing(FakeGitHubData.Review::id))
                .toList();
        int offset = after.isNull() || after.isMissingNode()
                ? 0
                : Integer.parseInt(after.asString().substring(7));
        if (hits.size() > 1000 && offset == 0) {
            graphqlOverCap.incrementAndGet();
        }
        int end = Math.min(hits.size(), offset + Math.min(100, pageSize));
        ArrayNode nodes = JSON.createArrayNode();
        for (FakeGitHubData.Review r : hits.subList(offset, end)) {
            FakeGitHubData.Pull p = data.pulls.stream()
                    .filter(x -> x.repo().equals(r.repo()) && x.number() == r.number())
                    .findFirst()
                    .orElseThrow();
            ObjectNode review = JSON.createObjectNode()
                    .put("databaseId", r.id())
                    .put("state", r.state())
                    .put("submittedAt", r.submittedAt().toString())
                    .put(
                            "url",
                            "https://github.com/" + r.repo() + "/pull/" + r.number() + "#pullrequestreview-" + r.id());
            review.set("author", JSON.createObjectNode().put("login", r.reviewer()));
            ObjectNode pull = JSON.createObjectNode()
                    .put("number", p.number())
                    .put("title", p.title())
                    .put("url", "https://github.com/" + p.repo() + "/pull/" + p.number())
                    .put("state", p.mergedAt() != null ? "MERGED" : p.closedAt() != null ? "CLOSED" : "OPEN")
                    .put("isDraft", false)
                    .put("createdAt", p.createdAt().toString())
                    .put("updatedAt", p.updatedAt().toString());
            FakeGitHubShapes.putTime(pull, "mergedAt", p.mergedAt());
            FakeGitHubShapes.putTime(pull, "closedAt", p.closedAt());
            pull.set("author", JSON.createObjectNode().put("login", p.author()));
            pull.set("repository", JSON.createObjectNode().put("nameWithOwner", p.repo()));
            ObjectNode node =
                    JSON.createObjectNode().put("occurredAt", r.submittedAt().toString());
            node.set("pullRequestReview", review);
            node.set("pullRequest", pull);
            nodes.add(node);
        }
        ObjectNode connection = JSON.createObjectNode().put("totalCount", hits.size());
        ObjectNode pageInfo = JSON.createObjectNode().put("hasNextPage", end < hits.size());
        if (end > offset) {
            pageInfo.put("endCursor", "cursor:" + end);
        } else {
            pageInfo.putNull("endCursor");
        }
        connection.set("pageInfo", pageInfo);
        connection.set("nodes", nodes);
        ObjectNode body = JSON.createObjectNode();
        ObjectNode collection = JSON.createObjectNode();
        collection.set("pullRequestReviewContributions", connection);
        ObjectNode user = JSON.createObjectNode();
        user.set("contributionsCollection", collection);
        body.set("data", JSON.createObjectNode().set("user", user));
        return body;
    }

    /**
     * {@code contributionsCollection}'s {@code *ByRepository} lists: the repositories with the
     * user's commits, pull requests and issues opened, and reviews submitted in [from, to], at most
     * {@code maxRepositories} (100) each, with the {@code totalRepositoriesWithContributed*} counts.
     */
    private static ObjectNode repositories(FakeGitHubData data, String login, Instant from, Instant to) {
        java.util.function.Predicate<Instant> in = t -> t != null && !t.isBefore(from) && !t.isAfter(to);
        ObjectNode collection = JSON.createObjectNode();
        var lists = new java.util.LinkedHashMap<String, java.util.stream.Stream<String>>();
        lists.put(
                "Commit",
                data.commits.stream()
                        .filter(c -> login.equalsIgnoreCase(c.author()) && in.test(c.date()))
                        .map(FakeGitHubData.Commit::repo));
        lists.put(
                "PullRequest",
                data.pulls.stream()
                        .filter(p -> login.equalsIgnoreCase(p.author()) && in.test(p.createdAt()))
                        .map(FakeGitHubData.Pull::repo));
        lists.put(
                "Issue",
                data.issues.stream()
                        .filter(i -> login.equalsIgnoreCase(i.author()) && in.test(i.createdAt()))
                        .map(FakeGitHubData.Issue::repo));
        lists.put(
                "PullRequestReview",
                data.reviews.stream()
                        .filter(r -> login.equalsIgnoreCase(r.reviewer()) && in.test(r.submittedAt()))
                        .map(FakeGitHubData.Review::repo));
        lists.forEach((kind, repos) -> {
            List<String> distinct = repos.distinct().sorted().toList();
            ArrayNode list = JSON.createArrayNode();
            distinct.stream()
                    .limit(100)
                    .forEach(r -> list.add(JSON.createObjectNode()
                            .set("repository", JSON.createObjectNode().put("nameWithOwner", r))));
            String field = Character.toLowerCase(kind.charAt(0)) + kind.substring(1) + "ContributionsByRepository";
            collection.set(field, list);
            collection.put(
                    "totalRepositoriesWithContributed" + (kind.equals("Commit") ? "Commits" : kind + "s"),
                    distinct.size());
        });
        ObjectNode user = JSON.createObjectNode();
        user.set("contributionsCollection", collection);
        ObjectNode body = JSON.createObjectNode();
        body.set("data", JSON.createObjectNode().set("user", user));
        return body;
    }

    private static ObjectNode graphqlError(String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putNull("data");
        body.set("errors", JSON.createArrayNode().add(JSON.createObjectNode().put("message", message)));
        return body;
    }
}
