package org.webrtcscratch.turn.interop;

import java.time.Duration;
import java.util.List;

/**
 * How one run of an {@link ExternalProgram} ended.
 *
 * @param command  the command line
 * @param exitCode its exit code, or {@link #TIMED_OUT} if it was killed at the time limit
 * @param output   stdout and stderr together
 * @param timeout  the time limit it had
 */
record ProgramRun(List<String> command, int exitCode, String output, Duration timeout) {

    /** Not a real exit code: processes exit with 0-255. */
    static final int TIMED_OUT = -1;

    boolean timedOut() {
        return exitCode == TIMED_OUT;
    }

    /** The command, how it ended and its whole output: what a failed assertion should show. */
    String describe() {
        String ending = timedOut() ? "was killed after " + timeout.toSeconds() + " s" : "exited with " + exitCode;
        return String.join(" ", command) + "\n" + ending + "; output:\n" + output;
    }
}
