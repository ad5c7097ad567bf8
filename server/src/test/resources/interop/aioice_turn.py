"""Relays datagrams through a TURN server with aioice's TURN client (the one aiortc uses).

Driven by the Java interop tests (AioiceInteropTest); runs with Debian's python3-aioice.

    python3 aioice_turn.py --server 127.0.0.1:3478 --transport udp --username U --password P

It allocates a relay, then sends --messages datagrams through it to an echo peer it runs itself on
127.0.0.1, waits for each echo to come back through the relay, and deletes the allocation (Refresh with
LIFETIME 0). aioice sends through a channel (ChannelBind, then ChannelData). It prints one key=value per
line:

    realm=...            the REALM the server asked for
    relayed=IP:PORT      XOR-RELAYED-ADDRESS
    peer-saw=IP:PORT     a source address the echo peer saw the datagrams come from
    sent=N / echoed=N    datagrams sent, echoes received intact from the peer's address
    timeout=...          an echo that did not come back (the run stops sending)
    deleted=yes          the server answered the Refresh with LIFETIME 0 with success
    error=CODE REASON    a STUN error response that ended the run
    result=ok|error

Exit status: 0 when everything was echoed, 2 after a STUN error response, 1 for anything else (a
traceback follows).
"""

import argparse
import asyncio
import sys

from aioice import stun
from aioice.turn import TurnClientTcpProtocol, TurnClientUdpProtocol

ECHO_TIMEOUT_SECONDS = 5


def say(key, value):
    print(f"{key}={value}", flush=True)


def address(pair):
    return f"{pair[0]}:{pair[1]}"


class EchoPeer(asyncio.DatagramProtocol):
    """The peer behind the relay: sends every datagram back where it came from."""

    def __init__(self):
        self.sources = []

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if addr not in self.sources:
            self.sources.append(addr)
        self.transport.sendto(data, addr)


class Inbox:
    """What the TURN client hands up: data from peers, as (payload, peer address)."""

    def __init__(self):
        self.queue = asyncio.Queue()

    def datagram_received(self, data, addr):
        self.queue.put_nowait((data, addr))

    def connection_lost(self, exc):
        pass


async def open_turn_client(args):
    host, port = args.server.rsplit(":", 1)
    server = (host, int(port))

    def client(protocol):
        return lambda: protocol(server, username=args.username, password=args.password,
                                lifetime=600, channel_refresh_time=500)

    loop = asyncio.get_running_loop()
    if args.transport == "tcp":
        _, turn = await loop.create_connection(client(TurnClientTcpProtocol), host=server[0], port=server[1])
    else:
        _, turn = await loop.create_datagram_endpoint(client(TurnClientUdpProtocol), remote_addr=server)
    return turn


async def relay(args):
    loop = asyncio.get_running_loop()
    peer_transport, peer = await loop.create_datagram_endpoint(EchoPeer, local_addr=("127.0.0.1", 0))
    peer_address = peer_transport.get_extra_info("sockname")[:2]
    turn = await open_turn_client(args)
    inbox = Inbox()
    turn.receiver = inbox
    try:
        relayed = await turn.connect()
        say("realm", turn.realm)
        say("relayed", address(relayed))

        sent = echoed = 0
        for i in range(args.messages):
            payload = f"aioice datagram {i} ".encode() + bytes(range(i % 200))
            await turn.send_data(payload, peer_address)
            sent += 1
            try:
                data, source = await asyncio.wait_for(inbox.queue.get(), ECHO_TIMEOUT_SECONDS)
            except asyncio.TimeoutError:
                say("timeout", f"no echo of datagram {i} within {ECHO_TIMEOUT_SECONDS} s")
                break
            if data == payload and source == peer_address:
                echoed += 1
        say("sent", sent)
        say("echoed", echoed)
        for source in peer.sources:
            say("peer-saw", address(source))

        turn.refresh_handle.cancel()
        refresh = stun.Message(message_method=stun.Method.REFRESH, message_class=stun.Class.REQUEST)
        refresh.attributes["LIFETIME"] = 0
        await turn.request_with_retry(refresh)
        say("deleted", "yes")
        return echoed == args.messages
    finally:
        turn.transport.close()
        peer_transport.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="HOST:PORT of the TURN server")
    parser.add_argument("--transport", choices=["udp", "tcp"], default="udp")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--messages", type=int, default=20)
    args = parser.parse_args()
    try:
        everything_echoed = asyncio.run(relay(args))
    except stun.TransactionFailed as failure:
        code, reason = failure.response.attributes["ERROR-CODE"]
        say("error", f"{code} {reason}")
        say("result", "error")
        return 2
    say("result", "ok" if everything_echoed else "error")
    return 0 if everything_echoed else 1


if __name__ == "__main__":
    sys.exit(main())
