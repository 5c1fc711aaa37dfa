package dev.worklens.devtrack.sheet;

import java.util.Locale;

/**
 * A skill's status as the Sheet colours it. Reading classifies by hue so near shades count; writing
 * uses one exact palette so colours stay uniform.
 */
public enum SkillStatus {
    // PRODUCT.md §10's palette, the light shades existing dev-track Sheets already use
    VETTED(0xD9EAD3, "green"),
    IN_PROGRESS(0xC9DAF8, "blue"),
    PROPOSED(0xD9D2E9, "purple"),
    FOCUS(0xFFF2CC, "yellow"),
    NOT_STARTED(0xFFFFFF, "white");

    private final int rgb;
    private final String colourName;

    SkillStatus(int rgb, String colourName) {
        this.rgb = rgb;
        this.colourName = colourName;
    }

    /** The API's spelling: vetted, in_progress, proposed, focus, not_started. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String colourName() {
        return colourName;
    }

    public String hex() {
        return String.format("#%06x", rgb);
    }

    public float red() {
        return ((rgb >> 16) & 0xFF) / 255f;
    }

    public float green() {
        return ((rgb >> 8) & 0xFF) / 255f;
    }

    public float blue() {
        return (rgb & 0xFF) / 255f;
    }

    public static SkillStatus fromCode(String code) {
        return code == null ? NOT_STARTED : valueOf(code.toUpperCase(Locale.ROOT));
    }

    /**
     * Classifies a background colour (components 0..1; the Sheets API leaves out zero components, so
     * null counts as 0; no colour at all is white). Very light, grey or white is not started.
     */
    public static SkillStatus ofColour(Float r, Float g, Float b) {
        if (r == null && g == null && b == null) {
            return NOT_STARTED;
        }
        double red = r == null ? 0 : r, green = g == null ? 0 : g, blue = b == null ? 0 : b;
        double max = Math.max(red, Math.max(green, blue));
        double min = Math.min(red, Math.min(green, blue));
        double lightness = (max + min) / 2;
        double chroma = max - min;
        double saturation = chroma == 0 ? 0 : chroma / (1 - Math.abs(2 * lightness - 1));
        if (lightness >= 0.96 || saturation < 0.12 || chroma < 0.04) {
            return NOT_STARTED;
        }
        double hue;
        if (max == red) {
            hue = 60 * (((green - blue) / chroma) % 6);
        } else if (max == green) {
            hue = 60 * (((blue - red) / chroma) + 2);
        } else {
            hue = 60 * (((red - green) / chroma) + 4);
        }
        if (hue < 0) {
            hue += 360;
        }
        if (hue >= 35 && hue < 72) {
            return FOCUS;
        }
        if (hue >= 72 && hue < 165) {
            return VETTED;
        }
        if (hue >= 165 && hue < 250) {
            return IN_PROGRESS;
        }
        if (hue >= 250 && hue < 320) {
            return PROPOSED;
        }
        // reds, pinks and oranges mean nothing in the track's legend
        return NOT_STARTED;
    }
}
