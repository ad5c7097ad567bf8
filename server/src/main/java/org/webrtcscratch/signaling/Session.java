package org.webrtcscratch.signaling;

/**
 * The server's side of one connection: its transport, its rate guard and the room membership it holds
 * (null while not in a room). Opaque outside this package: transports only hand it back to the service.
 */
public final class Session {

    final Connection connection;
    final RateGuard rateGuard;
    private volatile Member member;

    Session(Connection connection, RateGuard rateGuard) {
        this.connection = connection;
        this.rateGuard = rateGuard;
    }

    Member member() {
        return member;
    }

    void member(Member value) {
        member = value;
    }

    void send(String text) {
        connection.send(text);
    }
}
