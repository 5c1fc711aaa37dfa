package dev.worklens.system.retry;

/** The HTTP answers worth asking again: a timeout, a rate limit, or a server fault. */
public final class RetryableStatus {

    private RetryableStatus() {}

    /** 408, 429 and 5xx (Anthropic's 529 "overloaded" included); every other status is the answer. */
    public static boolean test(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }
}
