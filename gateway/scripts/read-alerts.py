#!/usr/bin/env python3
"""Reads a locality team's alerts from the gateway's broker over AMQP 1.0 with TLS.

An independent client (Apache Qpid Proton, Debian package python3-qpid-proton), authenticating with
the team's client certificate only, as the team's own case system would.

    read-alerts.py --pki var/pki --team runcorn-north [--port 61617] [--count 1] [--timeout 10]
"""
import argparse
import sys

from proton import SSLDomain
from proton.handlers import MessagingHandler
from proton.reactor import Container


class AlertReader(MessagingHandler):
    def __init__(self, url, queue, ssl_domain, count, timeout):
        super().__init__()
        self.url, self.queue, self.ssl_domain = url, queue, ssl_domain
        self.count, self.timeout = count, timeout
        self.received = 0
        self.error = None

    def on_start(self, event):
        self.connection = event.container.connect(self.url, ssl_domain=self.ssl_domain,
                                                  allowed_mechs="EXTERNAL", reconnect=False)
        event.container.create_receiver(self.connection, self.queue)
        self.timer = event.container.schedule(self.timeout, self)

    def on_message(self, event):
        print(event.message.body, flush=True)
        self.received += 1
        if self.received >= self.count:
            self.timer.cancel()
            event.connection.close()

    def on_timer_task(self, event):
        self.connection.close()

    def on_link_error(self, event):
        self.error = event.link.remote_condition
        event.connection.close()

    def on_transport_error(self, event):
        self.error = event.transport.condition


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pki", default="var/pki", help="the gateway's development PKI directory")
    parser.add_argument("--team", required=True, help="locality id, e.g. runcorn-north")
    parser.add_argument("--queue", help="defaults to alerts.locality.<team>")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=61617)
    parser.add_argument("--count", type=int, default=1, help="stop after this many alerts")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait")
    args = parser.parse_args()

    domain = SSLDomain(SSLDomain.MODE_CLIENT)
    domain.set_credentials(f"{args.pki}/agencies/team-{args.team}.pem",
                           f"{args.pki}/agencies/team-{args.team}-key.pem", None)
    domain.set_trusted_ca_db(f"{args.pki}/ca.pem")
    domain.set_peer_authentication(SSLDomain.VERIFY_PEER_NAME)

    reader = AlertReader(f"amqps://{args.host}:{args.port}", args.queue or f"alerts.locality.{args.team}",
                         domain, args.count, args.timeout)
    Container(reader).run()
    if reader.error is not None:
        print(f"refused: {reader.error}", file=sys.stderr)
        return 2
    print(f"{reader.received} alert(s) received", file=sys.stderr)
    return 0 if reader.received > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
