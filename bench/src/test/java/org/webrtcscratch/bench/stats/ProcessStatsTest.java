package org.webrtcscratch.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    @Test
    void readsVmRssInBytes() {
        String status = "Name:\tjava\nVmPeak:\t  900 kB\nVmRSS:\t   123456 kB\nThreads:\t40\n";

        assertThat(ProcessStats.parseRssBytes(status)).isEqualTo(123456L * 1024);
        assertThatThrownBy(() -> ProcessStats.parseRssBytes("Name:\tkthreadd\n")).hasMessageContaining("no VmRSS");
    }

    @Test
    void addsUserAndSystemTicksEvenWhenTheCommandHoldsSpacesAndParentheses() {
        String stat = "4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 1500 250 0 0 20 0 11 0 100 1 2";

        assertThat(ProcessStats.parseCpuTicks(stat)).isEqualTo(1750);
    }

    @Test
    void readsThisProcess() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcessStats.rssBytes(pid)).isPositive();
        assertThat(ProcessStats.cpuNanos(pid)).isPositive();
    }

    @Test
    void readsTheSoftOpenFileLimit() {
        String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max cpu time              unlimited            unlimited            seconds   \n"
                + "Max open files            20000                40000                files     \n";

        assertThat(ProcessStats.parseMaxOpenFiles(limits)).isEqualTo(20000);
        assertThat(ProcessStats.maxOpenFiles()).isPositive();
    }
}
