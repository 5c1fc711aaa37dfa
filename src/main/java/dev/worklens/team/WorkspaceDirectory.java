package dev.worklens.team;

import java.util.List;

/**
 * The people of an operator's Slack workspace. Implemented by the Slack module, so the roster
 * can import members without knowing Slack.
 */
public interface WorkspaceDirectory {

    List<WorkspacePerson> people(Operator operator);

    record WorkspacePerson(String slackUserId, String displayName, String realName, String email) {}

    /** The directory could not be read; the message says what the operator can do. */
    class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String message) {
            super(message);
        }
    }
}
