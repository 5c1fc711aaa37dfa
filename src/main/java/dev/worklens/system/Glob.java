package dev.worklens.system;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A wildcard pattern ({@code *} any run of characters, {@code ?} one character) matched ignoring
 * case, in time linear in the name: the pattern is run as a bit-parallel automaton, one step per
 * character of the name, with no backtracking. A regular expression built from {@code *?*?*?…#}
 * took seconds per channel name; this takes the same few steps whatever the pattern.
 */
public final class Glob {

    private final String pattern;
    // one bit per pattern position; position i is "the first i tokens matched"
    private final int states;
    private final long[] starMask;
    private final long[] anyMask;
    private final Map<Integer, long[]> charMasks = new HashMap<>();

    private Glob(String pattern, int[] tokens) {
        this.pattern = pattern;
        this.states = tokens.length + 1;
        int words = (states + 63) / 64;
        this.starMask = new long[words];
        this.anyMask = new long[words];
        for (int i = 0; i < tokens.length; i++) {
            int t = tokens[i];
            if (t == '*') {
                set(starMask, i);
            } else if (t == '?') {
                set(anyMask, i);
            } else {
                set(charMasks.computeIfAbsent(t, k -> new long[words]), i);
            }
        }
    }

    /**
     * Compiles a pattern as given; callers that take patterns from people check them first with
     * {@link GlobList#parse}, which caps their length and count.
     */
    public static Glob of(String pattern) {
        int[] points = pattern.toLowerCase(Locale.ROOT).codePoints().toArray();
        // runs of stars mean one star; collapsing them keeps the closure step to a single shift
        int[] tokens = new int[points.length];
        int n = 0;
        for (int p : points) {
            if (p == '*' && n > 0 && tokens[n - 1] == '*') {
                continue;
            }
            tokens[n++] = p;
        }
        return new Glob(pattern, Arrays.copyOf(tokens, n));
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String name) {
        if (name == null) {
            return false;
        }
        int words = starMask.length;
        long[] active = new long[words];
        long[] next = new long[words];
        set(active, 0);
        closeOverStars(active);
        var points = name.toLowerCase(Locale.ROOT).codePoints().iterator();
        while (points.hasNext()) {
            long[] literal = charMasks.get(points.nextInt());
            long carry = 0;
            boolean any = false;
            for (int w = 0; w < words; w++) {
                long advancing = active[w] & (anyMask[w] | (literal == null ? 0 : literal[w]));
                long shifted = (advancing << 1) | carry;
                carry = advancing >>> 63;
                next[w] = shifted | (active[w] & starMask[w]);
                any |= next[w] != 0;
            }
            if (!any) {
                return false;
            }
            closeOverStars(next);
            long[] swap = active;
            active = next;
            next = swap;
        }
        return isSet(active, states - 1);
    }

    /** A star may match nothing: a state before a star also stands after it. */
    private void closeOverStars(long[] active) {
        long carry = 0;
        for (int w = 0; w < active.length; w++) {
            long atStar = active[w] & starMask[w];
            long shifted = (atStar << 1) | carry;
            carry = atStar >>> 63;
            active[w] |= shifted;
        }
        // stars were collapsed, so the state after a star is never a star: one shift is the closure
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << (i & 63);
    }

    private static boolean isSet(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << (i & 63))) != 0;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
