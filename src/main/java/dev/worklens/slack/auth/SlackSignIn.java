package dev.worklens.slack.auth;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackRecords.OAuthGrant;
import dev.worklens.slack.client.SlackRecords.SlackPerson;
import dev.worklens.slack.client.SlackRecords.TokenOwner;
import dev.worklens.slack.client.SlackSession;
import dev.worklens.slack.ingest.SlackPreferences;
import dev.worklens.system.Settings;
import dev.worklens.system.security.OperatorPrincipal;
import dev.worklens.system.security.SignedInOperators;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign in with Slack (OAuth v2, user scopes only). A failed sign-in stores nothing and ends on the
 * Connect page when the browser is already signed in, else on the public sign-in page.
 */
@Controller
class SlackSignIn {

    private static final Logger log = LoggerFactory.getLogger(SlackSignIn.class);

    private final Settings settings;
    private final OAuthState states;
    private final SlackClient client;
    private final Operators operators;
    private final SignedInOperators signedIn;
    private final SlackPreferences preferences;
    private final SignInAdmission admission;
    // the cache SecurityConfiguration's entry point saved the first page in: a cookie, not a session
    private final RequestCache requestCache = new CookieRequestCache();

    SlackSignIn(
            Settings settings,
            OAuthState states,
            SlackClient client,
            Operators operators,
            SignedInOperators signedIn,
            SlackPreferences preferences,
            SignInAdmission admission) {
        this.admission = admission;
        this.settings = settings;
        this.states = states;
        this.client = client;
        this.operators = operators;
        this.signedIn = signedIn;
        this.preferences = preferences;
    }

    String redirectUri() {
        return settings.app().baseUrl().toString().replaceAll("/+$", "") + "/auth/slack/callback";
    }

    @GetMapping("/auth/slack/start")
    String start(HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!settings.slack().appConfigured()) {
            return failed(
                    "Sign in with Slack is not set up on this server: set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET"
                            + " from your Slack app (see docs/slack.md).",
                    response,
                    model,
                    redirect);
        }
        var session = request.getSession(true);
        if (SignedInOperators.current().isEmpty()) {
            // a session that only started a sign-in lives as long as its state; signing in lengthens it
            session.setMaxInactiveInterval((int) OAuthState.LIFETIME.toSeconds());
        }
        String state = states.issue(session);
        String base = settings.slack().baseUrl().toString().replaceAll("/+$", "");
        return "redirect:" + base + "/oauth/v2/authorize?client_id="
                + enc(settings.slack().clientId())
                + "&scope=&user_scope=" + enc(String.join(",", SlackScopes.USER))
                + "&redirect_uri=" + enc(redirectUri())
                + (settings.access().slackTeamId() == null
                        ? ""
                        : "&team=" + enc(settings.access().slackTeamId()))
                + "&state=" + enc(state);
    }

    @GetMapping("/auth/slack/callback")
    String callback(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (!settings.slack().appConfigured()) {
            return failed("Sign in with Slack is not set up on this server.", response, model, redirect);
        }
        var verdict = states.verify(state, request.getSession(false));
        String problem = switch (verdict) {
            case VALID -> null;
            case TAMPERED -> "The sign-in link was altered, so it was refused. Start Sign in with Slack again.";
            case EXPIRED -> "The sign-in took longer than 10 minutes and expired. Start Sign in with Slack again.";
            case REPLAYED -> "This sign-in link was already used. Start Sign in with Slack again.";
            case OTHER_SESSION ->
                "This sign-in was started in another browser or session. Start Sign in with Slack" + " again here.";
        };
        if (problem == null && error != null) {
            problem = "access_denied".equals(error)
                    ? "You declined the Slack permissions, so nothing was connected."
                    : "Slack refused the sign-in (" + error + ").";
        }
        if (problem == null && (code == null || code.isBlank())) {
            problem = "Slack sent no authorization code. Start Sign in with Slack again.";
        }
        if (problem != null) {
            return failed(problem, response, model, redirect);
        }
        // the page that sent the browser to sign in, read before the sign-in renews the session
        String landing = landing(requestCache.getRequest(request, response));
        requestCache.removeRequest(request, response);
        Operator operator;
        try {
            operator = connect(code);
        } catch (NotAdmitted e) {
            log.info("Slack sign-in refused by the operator settings");
            response.setStatus(403);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("refused", true);
            model.addAttribute("slackConfigured", true);
            return "slack/sign-in";
        } catch (SlackApiError e) {
            log.info("Slack sign-in failed: {}", e.code());
            return failed(
                    "Slack did not complete the sign-in (" + e.code() + "). Start Sign in with Slack again.",
                    response,
                    model,
                    redirect);
        }
        signedIn.signIn(
                new OperatorPrincipal(operator.id(), operator.slackUserId(), operator.name()), request, response);
        redirect.addFlashAttribute(
                "flash", "Signed in with Slack as " + operator.name() + " in " + operator.teamName() + ".");
        return "redirect:" + landing;
    }

    /**
     * Back to the page the manager opened before signing in (a bookmarked report, say), else the
     * Connect page. Only a path and query of this server are kept, so a saved address cannot send
     * the browser elsewhere.
     */
    static String landing(SavedRequest saved) {
        if (saved == null || !"GET".equals(saved.getMethod())) {
            return "/connect";
        }
        URI uri;
        try {
            uri = URI.create(saved.getRedirectUrl());
        } catch (IllegalArgumentException e) {
            return "/connect";
        }
        String path = uri.getRawPath();
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.equals("/")
                || path.startsWith("/auth/")
                || path.startsWith("/api/")
                || path.startsWith("/error")) {
            return "/connect";
        }
        // Spring Security marks the saved address with a bare "continue" parameter; it means nothing here
        String query = uri.getRawQuery() == null
                ? ""
                : java.util.Arrays.stream(uri.getRawQuery().split("&"))
                        .filter(p -> !p.equals("continue") && !p.startsWith("continue="))
                        .collect(java.util.stream.Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    private Operator connect(String code) {
        OAuthGrant grant = client.exchangeCode(
                settings.slack().clientId(), settings.slack().clientSecret(), code, redirectUri());
        var session = SlackSession.of(grant.accessToken(), grant.teamId() == null ? "unknown" : grant.teamId());
        TokenOwner owner = client.tokenOwner(session);
        SlackPerson person = client.person(session, owner.userId());
        var decision = admission.decide(session, owner.userId(), person.email(), owner.teamId());
        if (!decision.admitted()) {
            // nothing is stored for a refused person, not even their token
            throw new NotAdmitted(decision.refusal());
        }
        String name = firstNonBlank(person.displayName(), person.realName(), owner.userName(), owner.userId());
        String teamName = firstNonBlank(grant.teamName(), owner.teamName(), owner.teamId());
        var identity = new Operators.SlackIdentity(
                owner.userId(), name, person.realName(), person.email(), owner.teamId(), teamName);
        Operator operator = operators.signedIn(identity, grant.accessToken(), grant.scopes());
        operators.recordAdmission(operator.id(), decision.group());
        preferences.saveTeamUrl(operator.id(), owner.url());
        return operator;
    }

    private static class NotAdmitted extends RuntimeException {
        NotAdmitted(String words) {
            super(words);
        }
    }

    @GetMapping("/auth/signed-out")
    String signedOut(
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String disconnected,
            Model model) {
        // a code, not words: a crafted link cannot make this page say something of its own
        String why = reason == null
                ? null
                : switch (reason) {
                    case "expired" -> "You signed in more than 30 days ago; sign in again.";
                    case "revoked" -> "Slack no longer accepts your sign-in (revoked or deactivated); sign in again.";
                    case "workspace" -> "This server now only admits another Slack workspace.";
                    case "not_admitted" -> "You are no longer among the managers this server admits.";
                    case "gone" -> "Your operator record no longer exists; sign in again.";
                    default -> null;
                };
        String message = why == null ? "You are signed out." : "You are signed out. " + why;
        if (disconnected != null) {
            message = "Slack is disconnected: your token was revoked and deleted, and you are signed out. Your"
                    + " roster and synced data stay; sign in with Slack to connect again.";
        }
        model.addAttribute("message", message);
        model.addAttribute("slackConfigured", settings.slack().appConfigured());
        return "slack/sign-in";
    }

    private String failed(String message, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (SignedInOperators.current().isPresent()) {
            redirect.addFlashAttribute("flashError", message);
            return "redirect:/connect";
        }
        response.setStatus(400);
        model.addAttribute("error", message);
        model.addAttribute("slackConfigured", settings.slack().appConfigured());
        return "slack/sign-in";
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v;
        }
        return "";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
