#!/usr/bin/env python3
"""Publishes one flag (a JSON file) to the gateway's broker over AMQP 1.0 with TLS.

An independent client (Apache Qpid Proton, Debian package python3-qpid-proton), authenticating with
the agency's client certificate only, as a police or adult-services system would. The broker lets an
agency send only to its own address, flags.inbound.<agency-id>.

    send-flag.py --pki var/pki --agency county-police --file flag.json [--address flags.inbound.county-police]

Exit status: 0 when the broker accepted the message (it is then durable), 2 when it was refused.
"""
import argparse
import sys

from proton import Message, SSLDomain
from proton.handlers import MessagingHandler
from proton.reactor import Container


class FlagSender(MessagingHandler):
    def __init__(self, url, address, ssl_domain, body):
        super().__init__()
        self.url, self.address, self.ssl_domain, self.body = url, address, ssl_domain, body
        self.outcome = None

    def on_start(self, event):
        connection = event.container.connect(self.url, ssl_domain=self.ssl_domain,
                                             allowed_mechs="EXTERNAL", reconnect=False)
        event.container.create_sender(connection, self.address)

    def on_sendable(self, event):
        if self.outcome is None and event.sender.credit:
            # durable: the broker settles (accepts) only once the message is persisted
            event.sender.send(Message(body=self.body, durable=True, content_type="application/json"))
            self.outcome = "sent"

    def on_accepted(self, event):
        self.outcome = "accepted"
        event.connection.close()

    def on_rejected(self, event):
        self.outcome = f"rejected: {event.delivery.remote.condition}"
        event.connection.close()

    def on_link_error(self, event):
        self.outcome = f"refused: {event.link.remote_condition}"
        event.connection.close()

    def on_transport_error(self, event):
        if self.outcome in (None, "sent"):
            self.outcome = f"refused: {event.transport.condition}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pki", default="var/pki", help="the gateway's development PKI directory")
    parser.add_argument("--agency", required=True, help="agency id, e.g. county-police")
    parser.add_argument("--file", required=True, help="the flag, a JSON document")
    parser.add_argument("--address", help="defaults to flags.inbound.<agency>")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=61617)
    args = parser.parse_args()

    domain = SSLDomain(SSLDomain.MODE_CLIENT)
    domain.set_credentials(f"{args.pki}/agencies/{args.agency}.pem", f"{args.pki}/agencies/{args.agency}-key.pem", None)
    domain.set_trusted_ca_db(f"{args.pki}/ca.pem")
    domain.set_peer_authentication(SSLDomain.VERIFY_PEER_NAME)
    with open(args.file, encoding="utf-8") as flag:
        body = flag.read()

    sender = FlagSender(f"amqps://{args.host}:{args.port}", args.address or f"flags.inbound.{args.agency}",
                        domain, body)
    Container(sender).run()
    print(sender.outcome, file=sys.stderr)
    return 0 if sender.outcome == "accepted" else 2


if __name__ == "__main__":
    sys.exit(main())
