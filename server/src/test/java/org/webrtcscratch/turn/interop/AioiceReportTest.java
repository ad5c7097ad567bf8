package org.webrtcscratch.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parser of aioice_turn.py's output, on runs captured against coturn 4.6.1. */
class AioiceReportTest {

    @Test
    void readsASuccessfulRun() {
        AioiceReport report = AioiceReport.parse(Samples.read("aioice-tcp.txt"));

        assertThat(report.first("relayed")).hasValue("127.0.0.1:50063");
        assertThat(report.all("peer-saw")).containsExactly("127.0.0.1:50063");
        assertThat(report.first("echoed")).hasValue("5");
        assertThat(report.first("result")).hasValue("ok");
    }

    @Test
    void readsAnErrorResponseAndIgnoresOtherLines() {
        AioiceReport report = AioiceReport.parse("Traceback (most recent call last):\n  x = 1\n"
                + Samples.read("aioice-wrong-password.txt"));

        assertThat(report.first("error")).hasValue("401 Unauthorized");
        assertThat(report.first("result")).hasValue("error");
        assertThat(report.first("relayed")).isEmpty();
        assertThat(report.values()).containsOnlyKeys("error", "result");
    }
}
