package dev.worklens.devtrack.sheet;

import java.util.List;
import java.util.Optional;

/** Every tab of the dev-track Sheet. */
public record SheetBook(List<TrackTab> tabs) {

    public List<String> titles() {
        return tabs.stream().map(TrackTab::title).toList();
    }

    public Optional<TrackTab> tab(String title) {
        return tabs.stream().filter(t -> t.title().equals(title)).findFirst();
    }

    public Optional<TrackTab> tab(int sheetId) {
        return tabs.stream().filter(t -> t.sheetId() == sheetId).findFirst();
    }
}
