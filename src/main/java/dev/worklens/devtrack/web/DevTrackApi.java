package dev.worklens.devtrack.web;

import dev.worklens.devtrack.preview.DevTrackSync;
import dev.worklens.devtrack.preview.Preview;
import dev.worklens.devtrack.preview.Previews;
import dev.worklens.devtrack.preview.SkillChange;
import dev.worklens.devtrack.preview.SyncFor;
import dev.worklens.devtrack.sheet.DevTrackException;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/devtrack/preview} and {@code POST /api/devtrack/apply}, as API.md describes them. */
@RestController
class DevTrackApi {

    private final DevTrackSync sync;
    private final Previews previews;
    private final CurrentOperator current;

    DevTrackApi(DevTrackSync sync, Previews previews, CurrentOperator current) {
        this.sync = sync;
        this.previews = previews;
        this.current = current;
    }

    /** {@code members}: "me", "team", "all" (default), "everyone" (admins), or a list of member ids. */
    record PreviewRequest(String operator, Object members) {}

    record ApplyRequest(String operator, String previewId, List<String> developers) {}

    record PreviewJson(
            String id,
            Instant createdAt,
            String syncFor,
            int leftOut,
            Preview.Summary summary,
            List<DeveloperJson> developers) {}

    record DeveloperJson(
            String notionPageId,
            String developer,
            String tab,
            Long memberId,
            String status,
            String error,
            List<SkillChange> changes,
            List<String> focusAdd,
            List<String> focusRemove,
            String warning) {}

    record ResultJson(String notionPageId, String state, String error) {}

    @PostMapping("/api/devtrack/preview")
    PreviewJson preview(@RequestBody(required = false) PreviewRequest body) {
        Operator operator = current.forApi(body == null ? null : body.operator());
        try {
            return json(sync.preview(operator, SyncFor.parse(body == null ? null : body.members())));
        } catch (DevTrackException e) {
            throw failure(e);
        }
    }

    @PostMapping("/api/devtrack/apply")
    Map<String, List<ResultJson>> apply(@RequestBody(required = false) ApplyRequest body) {
        if (body == null || body.previewId() == null || body.previewId().isBlank()) {
            throw ApiException.invalid("preview_id", "Pass 'preview_id' from POST /api/devtrack/preview.");
        }
        Operator operator = current.forApi(body.operator());
        Preview preview = previews.find(operator.id(), body.previewId().strip())
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND, "not_found", "No such preview for this operator: preview again."));
        var results = sync.apply(operator, preview, body.developers()).stream()
                .map(r -> new ResultJson(r.notionPageId(), r.state(), r.error()))
                .toList();
        return Map.of("results", results);
    }

    static ApiException failure(DevTrackException e) {
        String message = e.getMessage();
        if (message.contains("not configured")) {
            return new ApiException(HttpStatus.CONFLICT, "not_configured", message);
        }
        if (message.contains("GOOGLE_SHEETS_CREDENTIALS_JSON")) {
            return new ApiException(HttpStatus.CONFLICT, "bad_credentials", message);
        }
        return new ApiException(HttpStatus.BAD_GATEWAY, "upstream_error", message);
    }

    static PreviewJson json(Preview preview) {
        return new PreviewJson(
                preview.id(),
                preview.createdAt(),
                preview.syncFor(),
                preview.leftOut(),
                preview.summary(),
                preview.developers().stream()
                        .map(d -> new DeveloperJson(
                                d.notionPageId(),
                                d.developer(),
                                d.tab(),
                                d.memberId(),
                                d.status(),
                                d.error(),
                                d.changes(),
                                d.focusAdd(),
                                d.focusRemove(),
                                d.warning()))
                        .toList());
    }
}
