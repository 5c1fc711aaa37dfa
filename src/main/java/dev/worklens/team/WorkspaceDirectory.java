package dev.worklens.team;

import java.util.List;

/**
 * The people of an operator's Slack workspace. Implemented by the Slack module, so the roster
 * can import members without knowing Slack.
 */
public interface WorkspaceDirectory {

    List<WorkspacePerson> people(Operator operator);

    /** @param tz Slack's IANA zone for the person ({@code users.list} {@code tz}), null when absent */
    record WorkspacePerson(String slackUserId, String displayName, String realName, String email, String tz) {
        public WorkspacePerson(String slackUserId, String displayName, String realName, String email) {
            this(slackUserId, displayName, realName, email, null);
        }
    }

    /** The directory could not be read; the message says what the operator can do. */
    class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String message) {
            super(message);
        }
    }
}
