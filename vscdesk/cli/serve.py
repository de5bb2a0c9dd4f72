"""``vscdesk serve FILE [--host ADDR] [--port N] [--cert C --key K]``: host a workshop.

Shares FILE's map with the participants who have the join link it prints (a new random
token each time), saves FILE atomically a few seconds after changes and when it ends
(Ctrl+C or SIGTERM). It listens only on the address given (default: this machine only).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1, this machine only; "
                             "0.0.0.0 for every network of this machine)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free)")
    parser.add_argument("--cert", type=Path, help="TLS certificate (PEM), with --key: wss://")
    parser.add_argument("--key", type=Path, help="the certificate's private key (PEM)")


def run(args: argparse.Namespace) -> int:
    import asyncio
    import logging
    import ssl

    from vscdesk.storage import LoadError, load
    from vscdesk.workshop.access import new_token
    from vscdesk.workshop.host import WorkshopHost, tls_context
    from vscdesk.workshop.replica import Replica
    from vscdesk.workshop.serve import serve_file

    if not 0 <= args.port <= 65535:
        return fail(f"port {args.port} is outside 0..65535")
    if (args.cert is None) != (args.key is None):
        return fail("--cert and --key go together")
    try:
        model = load(args.file)
    except LoadError as err:
        return fail(str(err))
    tls = None
    if args.cert is not None:
        try:
            tls = tls_context(str(args.cert), str(args.key))
        except (OSError, ssl.SSLError) as err:
            return fail(f"cannot use {args.cert} and {args.key} for TLS: {err}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    replica = Replica()
    replica.fill(model)
    replica.read()
    host = WorkshopHost(replica, token=new_token(), address=args.host, port=args.port, tls=tls)

    def started(link) -> None:
        print(f"Workshop on {args.file}: join with", link.url(), flush=True)
        print("Ctrl+C ends the workshop (the file is saved).", flush=True)

    try:
        asyncio.run(serve_file(args.file, host, started))
    except OSError as err:
        return fail(f"cannot listen on {args.host}:{args.port}: {err.strerror or err}")
    except KeyboardInterrupt:
        pass
    return 0
