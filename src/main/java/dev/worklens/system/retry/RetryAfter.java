package dev.worklens.system.retry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date to wait
 * until. Notion and Anthropic send fractional seconds, so those are read to the millisecond.
 */
public final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

    private RetryAfter() {}

    /** The wait the header asks for; empty when there is no header or it is not readable. */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (SECONDS.matcher(value).matches()) {
            try {
                long millis = new BigDecimal(value).movePointRight(3).longValueExact();
                return Optional.of(Duration.ofMillis(millis));
            } catch (ArithmeticException tooLong) {
                return Optional.of(Duration.ofMillis(Long.MAX_VALUE));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
