package costplan.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that remembers the first write that failed (a full disk, a closed pipe), which a
 * {@link java.io.PrintWriter} would swallow, and writes nothing more after it.
 *
 * <pre>{@code
 * CheckedOutput stdout = new CheckedOutput(new FileOutputStream(FileDescriptor.out));
 * ... write through a PrintWriter, flush ...
 * if (stdout.failure() != null && !stdout.readerWentAway()) ... report it
 * }</pre>
 */
final class CheckedOutput extends FilterOutputStream {
    private IOException failure;

    CheckedOutput(OutputStream out) {
        super(out);
    }

    /** Returns the first failed write, or null when every write went through. */
    IOException failure() {
        return failure;
    }

    /**
     * Returns whether the failure is a pipe whose reader has stopped reading ({@code costplan ... | head}), which is
     * what the reader asked for, not an error.
     */
    boolean readerWentAway() {
        return failure != null && "Broken pipe".equals(failure.getMessage());
    }

    @Override
    public void write(int b) {
        if (failure != null) return;
        try {
            out.write(b);
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (failure != null) return;
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void flush() {
        if (failure != null) return;
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }
}
