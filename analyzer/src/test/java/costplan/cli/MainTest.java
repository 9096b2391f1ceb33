package costplan.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void everySubcommandIsListedUnderTheNameItsAnnotationGives() {
        Main.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(Command.class).name()).as(type.getSimpleName()).isEqualTo(name));
        assertThat(Main.SUBCOMMANDS).hasSize(11);
    }
}
