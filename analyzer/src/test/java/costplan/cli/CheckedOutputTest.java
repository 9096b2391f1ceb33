package costplan.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedOutputTest {
    /** A stream that takes {@code room} bytes, then fails every write with {@code message}. */
    private static OutputStream failingAfter(int room, String message, ByteArrayOutputStream written) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (written.size() >= room) throw new IOException(message);
                written.write(b);
            }
        };
    }

    @Test
    void remembersAFullDiskThatAPrintWriterWouldSwallow() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        CheckedOutput checked = new CheckedOutput(failingAfter(4, "No space left on device", written));
        PrintWriter out = new PrintWriter(checked, false, StandardCharsets.UTF_8);
        out.print("{\"daily\":[]}");
        out.flush();
        assertThat(out.checkError()).as("PrintWriter itself saw nothing").isFalse();
        assertThat(checked.failure()).hasMessage("No space left on device");
        assertThat(checked.readerWentAway()).isFalse();
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("{\"da");
    }

    @Test
    void takesAReaderThatStoppedReadingAsNoError() {
        CheckedOutput checked = new CheckedOutput(failingAfter(0, "Broken pipe", new ByteArrayOutputStream()));
        checked.write(new byte[]{'a', 'b'}, 0, 2);
        assertThat(checked.failure()).hasMessage("Broken pipe");
        assertThat(checked.readerWentAway()).isTrue();
    }

    @Test
    void writesEverythingWhenNothingFails() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        CheckedOutput checked = new CheckedOutput(written);
        checked.write(new byte[]{'o', 'k'}, 0, 2);
        checked.flush();
        assertThat(checked.failure()).isNull();
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    @Test
    void memoryAdviceDoublesTheHeapRoundedUpTo256MiB() {
        // 200 MiB x 2 = 400 MiB, rounded up to 512 MiB; 1,536 MiB x 2 = 3,072 MiB = 3 GiB
        assertThat(MemoryAdvice.message(200L << 20)).isEqualTo("costplan: error: costplan needs more memory: it had"
                + " 200 MiB; run it again with COSTPLAN_JAVA_OPTS=-Xmx512m (or more)");
        assertThat(MemoryAdvice.message(1536L << 20)).endsWith("COSTPLAN_JAVA_OPTS=-Xmx3g (or more)");
        assertThat(MemoryAdvice.isOutOfMemory(new IllegalStateException("import failed", new OutOfMemoryError()))).isTrue();
        assertThat(MemoryAdvice.isOutOfMemory(new IllegalStateException("import failed"))).isFalse();
    }
}
