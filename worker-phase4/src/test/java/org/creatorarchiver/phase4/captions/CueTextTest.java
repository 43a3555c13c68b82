package org.creatorarchiver.phase4.captions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CueTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            class spans                   | <c.colorE5E5E5>so</c><c> what</c>              | so what
            italic, bold, underline       | <i>one</i> <b>two</b> <u>three</u>             | one two three
            voice with a speaker          | <v Roger Bingham>We are in New York City</v>   | We are in New York City
            voice with classes            | <v.first.loud Esme>It's a blue apple tree!     | It's a blue apple tree!
            language span                 | <lang en-GB>colour</lang>                      | colour
            ruby drops its reading        | <ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>       | 漢字
            ruby reading left open        | <ruby>東<rt>とう</ruby>京                       | 東京
            inline word timings           | hey<00:00:00.399><c> everyone</c><00:01.160>!  | hey everyone!
            SRT font                      | <font color="#ffff00" size=12>Hola</font>      | Hola
            SRT position override         | {\\an8}Arriba {\\i1}aquí{\\i0}                   | Arriba aquí
            named entities                | Tom &amp; Jerry &lt;3 &gt; &quot;cats&quot;   | Tom & Jerry <3 > "cats"
            no-break space                | ten&nbsp;euros                                 | ten euros
            direction marks               | &lrm;abc&rlm; def\u200E                        | abc def
            decimal reference             | it&#39;s                                       | it's
            hexadecimal reference         | it&#x27;s &#X2019;                              | it's ’
            escaped markup stays text     | &lt;i&gt;not italic&lt;/i&gt;                 | <i>not italic</i>
            unknown entity stays          | fish &chips; and &#0; nothing                  | fish &chips; and &#0; nothing
            a lone less-than is text      | 1 < 2 and 3 > 2                                | 1 < 2 and 3 > 2
            spaces collapse               | `   lots    of\tspace  `                       | lots of space
            markup only                   | <c.yellow> </c>                                | ``
            """)
    void cleansOneLineOfCueText(String what, String raw, String expected) {
        assertThat(CueText.clean(raw)).isEqualTo(expected);
    }
}
