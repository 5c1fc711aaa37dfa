package dev.worklens.report.core;

import dev.worklens.classify.Insights;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report as text to paste elsewhere: plain text for Slack or email, or Markdown. Both carry
 * the same facts in the same order, numbers first.
 */
public final class ShareSummary {

    static final int TOP_PULLS = 5;

    private ShareSummary() {}

    /**
     * What the summary carries beyond the report.
     *
     * @param generated the day it was written, in REPORT_TIMEZONE; null leaves the line out
     */
    public record Extras(LocalDate generated, StandupDigest standups) {
        public static final Extras NONE = new Extras(null, StandupDigest.NONE);
    }

    public static String text(Report r) {
        return text(r, Extras.NONE);
    }

    public static String markdown(Report r) {
        return markdown(r, Extras.NONE);
    }

    public static String text(Report r, Extras extras) {
        return new Writer(r, extras, false).write();
    }

    public static String markdown(Report r, Extras extras) {
        return new Writer(r, extras, true).write();
    }

    private static final class Writer {
        private final Report r;
        private final Extras extras;
        private final boolean md;
        private final StringBuilder out = new StringBuilder();

        Writer(Report r, Extras extras, boolean md) {
            this.r = r;
            this.extras = extras;
            this.md = md;
        }

        String write() {
            var p = r.period();
            String title = "Work report: " + r.member().displayName() + " — " + p.from() + " to " + p.to() + " ("
                    + p.zone().getId() + ")";
            line(md ? "# " + esc(title) : title);
            if (extras.generated() != null) {
                line("Generated " + extras.generated());
            }
            blank();
            pulls();
            slack();
            github();
            categories();
            insights();
            standups();
            return out.toString().stripTrailing() + "\n";
        }

        private void standups() {
            if (extras.standups().days().isEmpty()) {
                return;
            }
            blank();
            heading("Recent standups");
            extras.standups().lines(md, this::esc).forEach(this::line);
        }

        private void pulls() {
            var prs = r.pullRequests();
            heading("Pull requests: " + prs.created().size() + " created, "
                    + prs.merged().size() + " merged, " + prs.reviewed().size() + " reviewed");
            if (!r.member().hasGithubLogin()) {
                line("(no GitHub login set for this member)");
            }
            group("Created", prs.created(), a -> link(a.repo(), a.number(), a.title(), a.url()));
            group("Merged", prs.merged(), a -> link(a.repo(), a.number(), a.title(), a.url()));
            group("Reviewed", prs.reviewed(), a -> link(a.repo(), a.number(), a.title(), a.url()));
            if (r.cycleTimeHoursMedian() != null || r.reviewTurnaroundHoursMedian() != null) {
                line("Median cycle time (open → merge): " + hours(r.cycleTimeHoursMedian())
                        + "; median review turnaround: " + hours(r.reviewTurnaroundHoursMedian()));
            }
            blank();
        }

        private <T> void group(String name, List<T> items, Function<T, String> render) {
            if (items.isEmpty()) {
                return;
            }
            line(md ? "**" + name + "**" : name + ":");
            items.stream().limit(TOP_PULLS).forEach(i -> line((md ? "- " : "• ") + render.apply(i)));
            if (items.size() > TOP_PULLS) {
                line((md ? "- " : "• ") + "… and " + (items.size() - TOP_PULLS) + " more");
            }
        }

        private String link(String repo, int number, String title, String url) {
            String label = repo + "#" + number + " " + title;
            return md ? "[" + esc(label) + "](" + url.replace(")", "%29") + ")" : label + " — " + url;
        }

        private void slack() {
            var s = r.numbers().slack();
            heading("Slack");
            line(bullet() + s.authored() + " messages (" + s.threadReplies() + " thread replies) in "
                    + s.byChannel().size() + " channels");
            line(bullet() + s.standups() + " standups");
            line(bullet() + "mentioned " + s.mentioned() + " times");
            if (!s.byChannel().isEmpty()) {
                line(bullet() + "top channels: " + top(s.byChannel(), 5, c -> "#" + c));
            }
            blank();
        }

        private void github() {
            var g = r.numbers().github();
            heading("GitHub");
            line(bullet() + g.reviews() + " reviews, " + g.commits() + " commits, " + g.issues() + " issues");
            blank();
        }

        private void categories() {
            String mix = top(r.numbers().categories(), 10, c -> c.replace('_', ' '));
            if (!mix.isEmpty()) {
                heading("Work mix");
                line(mix
                        + (r.numbers().mainClassifier() == null
                                ? ""
                                : " (labelled by " + r.numbers().mainClassifier() + ")"));
                blank();
            }
        }

        private void insights() {
            Insights i = r.insights();
            if (i == null) {
                return;
            }
            heading("Summary (" + i.generator() + ")");
            line(esc(i.summary()));
            if (!i.highlights().isEmpty()) {
                line(md ? "**Highlights**" : "Highlights:");
                i.highlights().forEach(h -> line(bullet() + esc(h)));
            }
            if (!i.watchItems().isEmpty()) {
                line(md ? "**Watch**" : "Watch:");
                i.watchItems().forEach(h -> line(bullet() + esc(h)));
            }
            if (i.alignment() != null && !i.alignment().isBlank()) {
                line((md ? "**Standups vs GitHub:** " : "Standups vs GitHub: ") + esc(i.alignment()));
            }
        }

        private String top(Map<String, Long> counts, int n, Function<String, String> name) {
            return counts.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(n)
                    .map(e -> esc(name.apply(e.getKey())) + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }

        private void heading(String text) {
            line(md ? "## " + esc(text) : text);
        }

        private String bullet() {
            return md ? "- " : "• ";
        }

        private void line(String text) {
            out.append(text).append('\n');
        }

        private void blank() {
            out.append('\n');
        }

        // Markdown would turn Slack text such as *bold* or [x](y) into markup; plain text stays as is
        private String esc(String text) {
            if (!md || text == null) {
                return text == null ? "" : text;
            }
            return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
        }
    }

    static String hours(Double h) {
        return h == null ? "n/a" : String.format(Locale.ROOT, "%.1f h", h);
    }
}
