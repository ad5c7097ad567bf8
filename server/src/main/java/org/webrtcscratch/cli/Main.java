package org.webrtcscratch.cli;

/** Entry point of the executable jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit = ScratchCommand.commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
