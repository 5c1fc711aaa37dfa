package dev.worklens.activity;

import java.util.List;

/** Work units were inserted or updated for these members; classification listens. */
public record WorkUnitsStored(List<Long> memberIds, int count) {}
