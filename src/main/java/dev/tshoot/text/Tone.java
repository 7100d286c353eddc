package dev.tshoot.text;

import org.jline.utils.AttributedStyle;

/** The few styles tshoot uses, as JLine styles. */
public enum Tone {
    PLAIN(AttributedStyle.DEFAULT),
    BOLD(AttributedStyle.BOLD),
    DIM(AttributedStyle.DEFAULT.faint()),
    RED(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)),
    GREEN(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)),
    YELLOW(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)),
    CYAN(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));

    final AttributedStyle style;

    Tone(AttributedStyle style) {
        this.style = style;
    }
}
