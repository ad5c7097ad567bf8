package org.webrtcscratch.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a command running until the process is told to stop (Ctrl+C, SIGTERM), then closes what it started. */
final class UntilStopped {

    private UntilStopped() {
    }

    static void run(AutoCloseable running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        stopped.await();
    }
}
