package dev.worklens.devtrack.notion;

/** A to-do under a skill. */
public record Objective(String text, boolean checked) {}
