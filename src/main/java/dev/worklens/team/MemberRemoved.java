package dev.worklens.team;

/** A member left an operator's roster; their synced data stays until a cleanup. */
public record MemberRemoved(long memberId, long operatorId) {}
