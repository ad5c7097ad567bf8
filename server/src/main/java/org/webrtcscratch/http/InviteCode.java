package org.webrtcscratch.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code GET /api/qr?link=<call link>}: the QR code of a call's link on this server, as SVG, for the
 * Invite dialog; 400 and a JSON error for any other link ({@link RoomLink}). Counts what it served and
 * refused, for {@code scratch.http.qr}.
 */
final class InviteCode {

    private final LongAdder served = new LongAdder();
    private final LongAdder refused = new LongAdder();

    void handle(Context ctx) {
        String link;
        try {
            link = RoomLink.check(ctx.queryParam("link"), ctx.header("Host"));
        } catch (IllegalArgumentException e) {
            refused.increment();
            ctx.status(400).json(Map.of("error", "bad-link", "message", e.getMessage()));
            return;
        }
        served.increment();
        // Same link, same picture: the browser may keep it for the visit.
        ctx.header("Cache-Control", "private, max-age=3600").contentType("image/svg+xml").result(QrSvg.of(link));
    }

    long served() {
        return served.sum();
    }

    long refused() {
        return refused.sum();
    }
}
