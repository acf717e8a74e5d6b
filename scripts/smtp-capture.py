#!/usr/bin/python3
"""A real SMTP server for the tests: accepts every message and writes it as an .eml file.

Usage: smtp-capture.py DIRECTORY [--host 127.0.0.1] [--port 2525]

Each message lands in DIRECTORY as <time>-<n>.eml, written under a temporary name and renamed,
so a reader never sees half a file. Prints "listening HOST:PORT" once ready; stops on SIGTERM/SIGINT.
"""

import argparse
import asyncio
import itertools
import os
import signal
import time

from aiosmtpd.controller import Controller


class Capture:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{next(self.counter):06d}.eml"
        path = os.path.join(self.directory, name)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(path + ".tmp", path)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)

    # decode_data=False keeps the raw bytes, so the .eml is exactly what the client sent.
    controller = Controller(Capture(args.directory), hostname=args.host, port=args.port, decode_data=False)
    controller.start()
    print(f"listening {args.host}:{args.port}", flush=True)

    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        loop.run_until_complete(stop.wait())
    finally:
        controller.stop()
        loop.close()


if __name__ == "__main__":
    main()
