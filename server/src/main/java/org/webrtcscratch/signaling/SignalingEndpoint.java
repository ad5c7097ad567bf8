package org.webrtcscratch.signaling;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket {@code /ws}: moves frames between Javalin and the {@link SignalingService}, and pings. No
 * room logic here.
 */
public final class SignalingEndpoint implements Consumer<WsConfig> {

    private static final Logger LOG = LoggerFactory.getLogger(SignalingEndpoint.class);
    private static final String SESSION = "webrtcscratch.session";

    private final SignalingService service;
    private final long pingIntervalMillis;

    public SignalingEndpoint(SignalingService service, long pingIntervalMillis) {
        this.service = service;
        this.pingIntervalMillis = pingIntervalMillis;
    }

    @Override
    public void accept(WsConfig ws) {
        ws.onConnect(ctx -> {
            Session session = service.open(new WebSocketConnection(ctx));
            if (session != null) {
                ctx.attribute(SESSION, session);
                ctx.enableAutomaticPings(pingIntervalMillis, TimeUnit.MILLISECONDS);
            }
        });
        ws.onMessage(ctx -> withSession(ctx, session -> service.onText(session, ctx.message())));
        ws.onBinaryMessage(ctx -> withSession(ctx, service::onBinary));
        ws.onClose(ctx -> {
            ctx.disableAutomaticPings();
            withSession(ctx, session -> service.onClose(session, ctx.status()));
        });
        ws.onError(ctx -> LOG.debug("WebSocket error from {}", ctx.session.getRemoteSocketAddress(), ctx.error()));
    }

    private static void withSession(WsContext ctx, Consumer<Session> action) {
        Session session = ctx.attribute(SESSION);
        if (session != null) {
            action.accept(session);
        }
    }

    /** A Jetty WebSocket session as a {@link Connection}: sends are asynchronous, a failed send closes it. */
    private static final class WebSocketConnection implements Connection {

        private final WsContext ctx;
        private final Callback closeOnFailure;

        WebSocketConnection(WsContext ctx) {
            this.ctx = ctx;
            this.closeOnFailure = Callback.from(() -> { }, failure -> {
                LOG.debug("send to {} failed: {}", remote(), failure.toString());
                close(1011, "send failed");
            });
        }

        @Override
        public void send(String text) {
            ctx.session.sendText(text, closeOnFailure);
        }

        @Override
        public void close(int code, String reason) {
            ctx.session.close(code, reason, Callback.NOOP);
        }

        @Override
        public String remote() {
            return String.valueOf(ctx.session.getRemoteSocketAddress());
        }

        @Override
        public String host() {
            return ctx.header("Host");
        }
    }
}
