package costplan.importers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisibleTextTest {
    @Test
    void escapesATerminalTitleSequence() {
        assertThat(VisibleText.of("shop\u001b]0;pwned\u0007")).isEqualTo("shop\\x1b]0;pwned\\x07");
    }

    @Test
    void escapesLineBreaksDeleteC1ControlsAndBidirectionalOverrides() {
        assertThat(VisibleText.of("a\nb\tc\u007fd\u009be")).isEqualTo("a\\x0ab\\x09c\\x7fd\\x9be");
        assertThat(VisibleText.of("invoice\u202Egpj.exe\u2066")).isEqualTo("invoice\\u202egpj.exe\\u2066");
    }

    @Test
    void leavesOrdinaryTextAloneAsTheSameInstance() {
        String name = "/home/kim/src/café-日本";
        assertThat(VisibleText.of(name)).isSameAs(name);
        assertThat(VisibleText.of(null)).isNull();
    }
}
