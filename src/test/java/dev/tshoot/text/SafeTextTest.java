package dev.tshoot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void blockKeepsLinesAndTabsAndEscapesEveryOtherControl() {
        assertThat(SafeText.block("a\tb\nc\r\nd\re\u0000f\u0007g\u001b[2Kh\u007fi"))
                .isEqualTo("a\tb\nc\nd\\u000de\\u0000f\\u0007g\\u001b[2Kh\\u007fi");
    }

    @Test
    void c1ControlsAreEscaped() {
        assertThat(SafeText.block("\u0080x\u0085y\u009b31m\u009f")).isEqualTo("\\u0080x\\u0085y\\u009b31m\\u009f");
    }

    @Test
    void bidiControlsAndMarksAreEscaped() {
        assertThat(SafeText.block("\u202a\u202b\u202c\u202d\u202e|\u2066\u2067\u2068\u2069|\u200e\u200f\u061c"))
                .isEqualTo("\\u202a\\u202b\\u202c\\u202d\\u202e|\\u2066\\u2067\\u2068\\u2069|\\u200e\\u200f\\u061c");
    }

    @Test
    void zeroWidthAndOtherFormatCharactersAreEscaped() {
        assertThat(SafeText.block("a\u200bb\u200cc\u200dd\u2060e\ufefff\u00adg\u2028h\u2029i"))
                .isEqualTo("a\\u200bb\\u200cc\\u200dd\\u2060e\\ufefff\\u00adg\\u2028h\\u2029i");
        // a tag character (outside the BMP) as its two surrogates
        assertThat(SafeText.block("x\udb40\udc41y")).isEqualTo("x\\udb40\\udc41y");
    }

    @Test
    void loneSurrogatesAreEscapedAndPairsKept() {
        assertThat(SafeText.block("a\ud800b\udc00c😀")).isEqualTo("a\\ud800b\\udc00c😀");
        assertThat(SafeText.block("end\ud83d")).isEqualTo("end\\ud83d");
    }

    @Test
    void ordinaryTextIsUntouched() {
        String s = "Grüße aus Köln, 東京, emoji 😀, \"quotes\" <b> & \\ back";
        assertThat(SafeText.block(s)).isSameAs(s);
        assertThat(SafeText.block(null)).isEmpty();
    }

    @Test
    void inlineEscapesLineBreaksAndTabsToo() {
        assertThat(SafeText.inline("a\nb\tc\r\nd")).isEqualTo("a\\u000ab\\u0009c\\u000d\\u000ad");
    }

    @Test
    void lineCollapsesWhiteSpaceAfterMakingSafe() {
        assertThat(SafeText.line("  one\n two\t\tthree \u001b]0;x\u0007 ")).isEqualTo("one two three \\u001b]0;x\\u0007");
    }

    @Test
    void shortenCutsWithAnEllipsisNeverInsideASurrogatePair() {
        assertThat(SafeText.shorten("abcdefghij", 10)).isEqualTo("abcdefghij");
        assertThat(SafeText.shorten("abcdefghijk", 10)).isEqualTo("abcdefghi…");
        assertThat(SafeText.shorten("abcdefgh😀xyz", 10)).isEqualTo("abcdefgh…");
        assertThat(SafeText.shorten(null, 5)).isEmpty();
    }

    @Test
    void indentPrefixesEveryLineOfSafeText() {
        assertThat(SafeText.indent("\n one\r\ntwo\u001b[1A\n", "  ")).isEqualTo("  one\n  two\\u001b[1A\n");
        assertThat(SafeText.indent("  \n", "  ")).isEmpty();
        assertThat(SafeText.indent(null, "  ")).isEmpty();
    }

    @Test
    void everyFunctionIsIdempotent() {
        String hostile = "a\u001b[31mb\u009b\u202e\u200b\r\nc\rd\ud800";
        String once = SafeText.block(hostile);
        assertThat(SafeText.block(once)).isEqualTo(once);
        assertThat(SafeText.inline(SafeText.inline(hostile))).isEqualTo(SafeText.inline(hostile));
        assertThat(SafeText.line(SafeText.line(hostile))).isEqualTo(SafeText.line(hostile));
    }

    @Test
    void jsonEscapesWhatJacksonLeavesRawAndNothingElse() {
        String json = "{\n  \"a\": \"x\u007fy\u0085z\u202e\u200b\ud800😀ü\",\n  \"b\": \"\\u001B\"\n}";
        assertThat(SafeText.json(json))
                .isEqualTo("{\n  \"a\": \"x\\u007fy\\u0085z\\u202e\\u200b\\ufffd😀ü\",\n  \"b\": \"\\u001B\"\n}");
        String plain = "{\"a\":\"ok\"}";
        assertThat(SafeText.json(plain)).isSameAs(plain);
    }

    @Test
    void unsafeNamesTheClasses() {
        assertThat(SafeText.unsafe('\n')).isTrue();
        assertThat(SafeText.unsafe(' ')).isFalse();
        assertThat(SafeText.unsafe('\u00a0')).isFalse();
        assertThat(SafeText.unsafe(0x1f600)).isFalse();
        assertThat(SafeText.unsafe(0xe0041)).isTrue();
        assertThat(SafeText.unsafe((int) '\udc00')).isTrue();
    }
}
