package org.webrtcscratch.bench;

import picocli.CommandLine.Option;

/**
 * {@code --warmup-seconds} and {@code --seconds}: the unmeasured and measured time at each load point (window,
 * rate, session count). Each benchmark passes its own defaults, as its load settles at its own pace.
 */
public final class MeasureTimes {

    @Option(names = "--warmup-seconds", description = "Unmeasured time at each load point (default: ${DEFAULT-VALUE}).")
    public int warmupSeconds;

    @Option(names = "--seconds", description = "Measured time at each load point (default: ${DEFAULT-VALUE}).")
    public int seconds;

    /** The field values are picocli's defaults, since the options name none. */
    public MeasureTimes(int warmupSeconds, int seconds) {
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
    }
}
