package org.webrtcscratch.websocket;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves one path with WebSockets in front of the rest of the server: a valid upgrade request to it is answered
 * with 101 and its connection handed to a {@link WebSocketConnection}; any other request to it is refused
 * with the reason; requests to other paths pass on untouched. No extension or subprotocol is ever agreed,
 * which RFC 6455 §9.1 allows: browsers then send plain frames.
 */
public final class WebSocketUpgrade extends Handler.Wrapper {

    private final String path;
    private final WebSocketEndpoint endpoint;
    private final WebSocketSettings settings;
    private final UpgradeCheck check;

    public WebSocketUpgrade(String path, WebSocketEndpoint endpoint, WebSocketSettings settings) {
        this(path, endpoint, settings, UpgradeCheck.NONE);
    }

    /** @param check who may connect, asked once the request is a valid upgrade */
    public WebSocketUpgrade(String path, WebSocketEndpoint endpoint, WebSocketSettings settings,
                            UpgradeCheck check) {
        this.path = path;
        this.endpoint = endpoint;
        this.settings = settings;
        this.check = check;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!path.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        ConnectionMetaData connection = request.getConnectionMetaData();
        String key;
        try {
            key = Handshake.check(request.getMethod(), connection.getProtocol(), headers.get(HttpHeader.UPGRADE),
                    connectionTokens(headers), headers.get(HttpHeader.SEC_WEBSOCKET_VERSION),
                    headers.get(HttpHeader.SEC_WEBSOCKET_KEY));
        } catch (Handshake.Refused refused) {
            refuse(response, callback, refused);
            return true;
        }
        String refusal = check.refusal(headers.get(HttpHeader.ORIGIN), headers.get(HttpHeader.HOST), request.isSecure());
        if (refusal != null) {
            refuse(response, callback, new Handshake.Refused(HttpStatus.FORBIDDEN_403, refusal));
            return true;
        }
        Connector connector = connection.getConnector();
        WebSocketConnection socket = new WebSocketConnection(connection.getConnection().getEndPoint(),
                connector.getExecutor(), connector.getByteBufferPool(), settings, endpoint, headers.get(HttpHeader.HOST));
        // As Jetty's own connection factories do: the connector's listeners (connection caps) see this one too.
        connector.getEventListeners().forEach(socket::addEventListener);
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, socket);
        response.setStatus(HttpStatus.SWITCHING_PROTOCOLS_101);
        response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
        response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
        response.getHeaders().put(HttpHeader.SEC_WEBSOCKET_ACCEPT, Handshake.accept(key));
        response.write(true, null, callback);
        return true;
    }

    private static String connectionTokens(HttpFields headers) {
        StringBuilder tokens = new StringBuilder();
        for (HttpField field : headers.getFields(HttpHeader.CONNECTION)) {
            tokens.append(field.getValue()).append(',');
        }
        return tokens.isEmpty() ? null : tokens.toString();
    }

    private static void refuse(Response response, Callback callback, Handshake.Refused refused) {
        response.setStatus(refused.status());
        if (refused.status() == HttpStatus.UPGRADE_REQUIRED_426) {
            response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
            response.getHeaders().put(HttpHeader.SEC_WEBSOCKET_VERSION, Handshake.VERSION);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, refused.getMessage() + "\n", callback);
    }
}
