/**
 * The one retry kit every client of an outside API uses: how long a {@code Retry-After} or a
 * rate-limit reset asks us to wait, exponential back-off with jitter, which statuses are worth
 * another try, and the one injectable clock that all waits go through (so a cancel ends a wait and
 * tests run on virtual time). How often to try and what to say when giving up stay with each
 * client: those are the API's rules, not the kit's.
 */
@org.springframework.modulith.NamedInterface("retry")
package dev.worklens.system.retry;
