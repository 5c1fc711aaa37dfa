package dev.worklens.devtrack.sheet;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.auth.http.HttpCredentialsAdapter;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.Backoff;
import dev.worklens.system.retry.Cancellation;
import dev.worklens.system.retry.RetryAfter;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.RetryableStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntPredicate;
import org.springframework.stereotype.Component;

/**
 * The dev-track Sheet through Google's Sheets v4 client: one {@code spreadsheets.get} with grid data
 * for every tab (cached briefly, so report pages do not call Google each time) and one atomic
 * {@code batchUpdate} per member's write. Google asks for truncated exponential back-off on 429 and
 * 5xx; a read is retried on those, a write only on 429 (refused, so not applied) and 408, since a
 * 5xx may come after the batch was applied.
 */
@Component
public class SheetsGateway {

    static final String FIELDS = "sheets(properties(sheetId,title,index),data(startRow,rowData(values("
            + "formattedValue,note,effectiveFormat(backgroundColor,backgroundColorStyle),"
            + "userEnteredFormat(backgroundColor,backgroundColorStyle)))))";
    static final Duration CACHE_FOR = Duration.ofSeconds(60);
    static final int MAX_ATTEMPTS = 5;
    static final Backoff BACKOFF = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(32));

    private final Settings.Google settings;
    private final Clock clock;
    private final RetryClock retryClock;
    private final NetHttpTransport transport = new NetHttpTransport();
    private volatile Cached cached;
    private volatile ServiceAccountKey key;

    SheetsGateway(Settings settings, Clock clock, RetryClock retryClock) {
        this.settings = settings.google();
        this.clock = clock;
        this.retryClock = retryClock;
    }

    public boolean configured() {
        return settings.configured();
    }

    /** The service account the Sheet must be shared with, when the key is readable. */
    public String serviceAccountEmail() {
        return key().clientEmail();
    }

    /** Every tab, parsed; served from a cache younger than a minute. */
    public SheetBook book() {
        Cached c = cached;
        if (c != null && c.at.plus(CACHE_FOR).isAfter(clock.instant())) {
            return c.book;
        }
        return freshBook();
    }

    /** Every tab, read from Google now. */
    public SheetBook freshBook() {
        requireConfigured();
        try {
            var get = sheets().spreadsheets()
                    .get(settings.sheetId())
                    .setIncludeGridData(true)
                    .setFields(FIELDS);
            Spreadsheet sheet = withRetries(RetryableStatus::test, get::execute);
            List<TrackTab> tabs = sheet.getSheets() == null
                    ? List.of()
                    : sheet.getSheets().stream().map(TrackTabParser::parse).toList();
            SheetBook book = new SheetBook(tabs);
            cached = new Cached(book, clock.instant());
            return book;
        } catch (IOException e) {
            cached = null; // what the cache holds may be exactly what access was withdrawn from
            throw translate(e, "read");
        }
    }

    /**
     * What the Connect page shows: the key parses, the Sheet can be read (a titles-only get), and
     * written (an empty batchUpdate, which changes nothing but needs Editor access).
     */
    public Access access() {
        requireConfigured();
        String email = key().clientEmail();
        try {
            sheets().spreadsheets()
                    .get(settings.sheetId())
                    .setFields("spreadsheetId,properties.title")
                    .execute();
        } catch (IOException e) {
            return new Access(email, false, false, translate(e, "read").getMessage());
        }
        try {
            sheets().spreadsheets()
                    .batchUpdate(settings.sheetId(), new BatchUpdateSpreadsheetRequest().setRequests(List.of()))
                    .execute();
            return new Access(email, true, true, null);
        } catch (IOException e) {
            return new Access(email, true, false, translate(e, "write to").getMessage());
        }
    }

    /** @param problem what stops reading or writing, in words; null when both work */
    public record Access(String serviceAccountEmail, boolean readable, boolean editable, String problem) {}

    /** Applies the requests as one atomic batch: Google applies all of them or none. */
    public void batchUpdate(List<Request> requests) {
        requireConfigured();
        try {
            var update = sheets().spreadsheets()
                    .batchUpdate(settings.sheetId(), new BatchUpdateSpreadsheetRequest().setRequests(requests));
            withRetries(status -> status == 429 || status == 408, update::execute);
        } catch (IOException e) {
            throw translate(e, "write to");
        } finally {
            cached = null;
        }
    }

    @FunctionalInterface
    private interface GoogleCall<T> {
        T execute() throws IOException;
    }

    private <T> T withRetries(IntPredicate retryable, GoogleCall<T> call) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.execute();
            } catch (GoogleJsonResponseException e) {
                if (attempt == MAX_ATTEMPTS || !retryable.test(e.getStatusCode())) {
                    throw e;
                }
                int failures = attempt;
                Duration wait = RetryAfter.parse(
                                e.getHeaders().getFirstHeaderStringValue("Retry-After"), retryClock.now())
                        .orElseGet(() -> BACKOFF.after(failures, retryClock));
                try {
                    retryClock.sleep(wait, Cancellation.NONE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private Sheets sheets() {
        String root = settings.sheetsApiUrl().toString();
        return new Sheets.Builder(
                        transport, GsonFactory.getDefaultInstance(), new HttpCredentialsAdapter(key().credentials()))
                .setRootUrl(root.endsWith("/") ? root : root + "/")
                .setApplicationName("Worklens")
                .build();
    }

    private ServiceAccountKey key() {
        requireConfigured();
        ServiceAccountKey k = key;
        if (k == null) {
            k = ServiceAccountKey.parse(settings.credentialsJson());
            key = k;
        }
        return k;
    }

    private void requireConfigured() {
        if (!settings.configured()) {
            throw new DevTrackException(
                    "Google Sheets is not configured: set GOOGLE_SHEETS_CREDENTIALS_JSON and DEV_TRACK_SHEET_ID.");
        }
    }

    private DevTrackException translate(IOException e, String verb) {
        if (e instanceof GoogleJsonResponseException g) {
            int status = g.getStatusCode();
            String detail = g.getDetails() != null && g.getDetails().getMessage() != null
                    ? g.getDetails().getMessage()
                    : g.getStatusMessage();
            if (status == 403) {
                return new DevTrackException(
                        "Permission denied to " + verb + " the dev-track Sheet: share it with the service account "
                                + key().clientEmail() + " (" + ("read".equals(verb) ? "Viewer is enough to read, " : "")
                                + "Editor to apply changes).");
            }
            if (status == 404) {
                return new DevTrackException(
                        "The dev-track Sheet " + settings.sheetId()
                                + " was not found: check DEV_TRACK_SHEET_ID (the id between /d/ and /edit in the Sheet's address).");
            }
            if (status == 401) {
                return new DevTrackException("Google refused the service-account credentials: download a fresh key for "
                        + key().clientEmail() + ".");
            }
            return new DevTrackException(
                    "Google Sheets answered " + status + " (" + detail + ") when asked to " + verb + " the Sheet.");
        }
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        if (message.contains("access token") || message.contains("invalid_grant") || message.contains("token")) {
            return new DevTrackException(
                    "Google did not accept the service account " + key().clientEmail() + " (" + message
                            + "): check the key in GOOGLE_SHEETS_CREDENTIALS_JSON is current.",
                    e);
        }
        return new DevTrackException("Could not reach Google Sheets (" + message + "); try again.", e);
    }

    private record Cached(SheetBook book, Instant at) {}
}
