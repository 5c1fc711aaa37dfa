package dev.worklens.team.api;

import dev.worklens.team.Member;

record MemberJson(
        long id,
        String slackUserId,
        String displayName,
        String realName,
        String email,
        String githubLogin,
        boolean isOperator,
        String tz) {

    static MemberJson of(Member m) {
        return new MemberJson(
                m.id(),
                m.slackUserId(),
                m.displayName(),
                m.realName(),
                m.email(),
                m.githubLogin(),
                m.isOperator(),
                m.tz());
    }
}
