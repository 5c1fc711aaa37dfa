package dev.worklens.devtrack;

import dev.worklens.devtrack.sheet.DevTrackException;
import dev.worklens.devtrack.sheet.SheetsGateway;
import dev.worklens.system.Settings;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Google Sheets card on the Connect page: the key parses, which service account it is, and
 * whether the dev-track Sheet is reachable and shared with it as Editor. A good answer is kept a
 * few minutes; a problem is asked again on the next view, so a fix shows at once.
 */
@Component
class SheetsAccountCheck extends CachedAccountCheck {

    static final String TITLE = "Google Sheets (Dev track)";

    private final SheetsGateway sheets;
    private final Settings.Google settings;

    SheetsAccountCheck(SheetsGateway sheets, Settings settings, Clock clock) {
        super(clock);
        this.sheets = sheets;
        this.settings = settings.google();
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    boolean configured() {
        return sheets.configured();
    }

    @Override
    AccountStatus notSetUp() {
        return AccountStatus.of(
                TITLE,
                false,
                "Not set up: set GOOGLE_SHEETS_CREDENTIALS_JSON (a service-account key) and DEV_TRACK_SHEET_ID"
                        + " to show career tracks on reports and apply Notion changes.",
                List.of());
    }

    @Override
    AccountStatus fresh() {
        String sheetUrl = "https://docs.google.com/spreadsheets/d/" + settings.sheetId() + "/edit";
        SheetsGateway.Access access;
        try {
            access = sheets.access();
        } catch (DevTrackException e) {
            return AccountStatus.of(TITLE, false, e.getMessage(), List.of());
        }
        List<String> details =
                List.of("Service account: " + access.serviceAccountEmail() + ".", "Sheet: " + settings.sheetId() + ".");
        if (access.editable()) {
            return AccountStatus.of(
                    TITLE, true, "The key works and the Sheet is shared with the service account as Editor.", details);
        }
        return new AccountStatus(
                TITLE,
                false,
                access.readable()
                        ? "The Sheet can be read but not changed: share it with " + access.serviceAccountEmail()
                                + " as Editor so Dev track can apply changes. (" + access.problem() + ")"
                        : access.problem(),
                details,
                sheetUrl,
                "Open the Sheet to share it");
    }
}
