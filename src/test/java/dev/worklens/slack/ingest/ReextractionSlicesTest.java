package dev.worklens.slack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Re-extraction's stretches of time")
class ReextractionSlicesTest {

    static final Instant START = Instant.parse("2025-12-01T00:00:00Z");

    static Reextraction.ChannelRange range(String channel, Instant from, Instant to) {
        var ctx = new Attribution.Context("T1", channel, channel, false, false, null, Map.of(), Map.of(), Map.of());
        return new Reextraction.ChannelRange(ctx, from, to);
    }

    /** Forty channels over a year, some synced over a shorter or later range than the others. */
    static List<Reextraction.ChannelRange> year() {
        return IntStream.range(0, 40)
                .mapToObj(c -> range(
                        "C" + c,
                        START.plus(Duration.ofDays(c % 5 == 0 ? 40 : 0)).plusSeconds(c),
                        START.plus(Duration.ofDays(c % 7 == 0 ? 200 : 366))))
                .toList();
    }

    @Test
    @DisplayName("every channel's range is covered once, without gaps, one stretch of all channels after another")
    void coverEachRangeOnce() {
        List<Reextraction.ChannelRange> ranges = year();

        List<Reextraction.ChannelRange> slices = Reextraction.slices(ranges, 1_000_000);

        for (var range : ranges) {
            List<Reextraction.ChannelRange> own = slices.stream()
                    .filter(s -> s.ctx().channelId().equals(range.ctx().channelId()))
                    .toList();
            assertThat(own.get(0).from()).isEqualTo(range.from());
            assertThat(own.get(own.size() - 1).to()).isEqualTo(range.to());
            for (int i = 1; i < own.size(); i++) {
                assertThat(own.get(i).from()).isEqualTo(own.get(i - 1).to());
            }
            assertThat(own).allMatch(s -> s.from().isBefore(s.to()));
        }
        // stretch by stretch (C1 spans the whole year, so its slices are the stretches): the slices
        // of one stretch all come before those of the next
        List<Reextraction.ChannelRange> stretches =
                slices.stream().filter(s -> s.ctx().channelId().equals("C1")).toList();
        assertThat(stretches).hasSizeGreaterThan(1);
        List<Integer> order = slices.stream()
                .map(s -> IntStream.range(0, stretches.size())
                        .filter(k -> !s.from().isBefore(stretches.get(k).from())
                                && s.to().compareTo(stretches.get(k).to()) <= 0)
                        .findFirst()
                        .orElseThrow())
                .toList();
        assertThat(order).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    @DisplayName("a stretch holds about a page of messages per channel, and is never shorter than a week")
    void stretchLength() {
        List<Reextraction.ChannelRange> ranges = year();

        // 200,000 messages in 40 channels over 366 days: about 73 days hold 1,000 per channel
        assertThat(stretches(Reextraction.slices(ranges, 200_000))).isEqualTo(5);
        // 1,000,000: about 15 days
        assertThat(stretches(Reextraction.slices(ranges, 1_000_000))).isEqualTo(25);
        // 100,000,000 would be under a day each: a week instead
        assertThat(stretches(Reextraction.slices(ranges, 100_000_000))).isEqualTo(53);
        // few messages, or none counted: the whole span in one
        assertThat(stretches(Reextraction.slices(ranges, 5_000))).isEqualTo(1);
        assertThat(stretches(Reextraction.slices(ranges, 0))).isEqualTo(1);
        assertThat(Reextraction.slices(List.of(), 10)).isEmpty();
    }

    /** How many stretches the slices of channel C1 (synced over the whole year) fall into. */
    private static long stretches(List<Reextraction.ChannelRange> slices) {
        return slices.stream().filter(s -> s.ctx().channelId().equals("C1")).count();
    }
}
