#!/usr/bin/env python3
"""The MQTT flood of issue 9's probe against a running Summit, for bench/mqtt-flood.sh.

    bench/mqtt-flood.py URL BROKER_PORT SERVER_PID [CLIENTS] [MEGABYTES]

Signs in as the demo admin, enrols CLIENTS sensors (default 4) on the first gate, notes the server's memory, then each
sensor logs in to the broker (its id as client id) and publishes one message of MEGABYTES (default 250) at QoS 0, all at
once, sending as fast as the broker takes it. Prints how much each could send before the broker closed its connection,
the server's resident memory before and after and its peak (VmHWM) before and after, then publishes one signed reading
from the first sensor and checks that the server stored it. Standard library only.
"""
import datetime
import hashlib
import hmac
import http.client
import json
import socket
import struct
import sys
import threading
import time
import urllib.parse
import uuid

ADMIN = ("admin@summit.local", "Summit-Demo-2021")
CHUNK = 64 * 1024


def api(url):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Content-Type": "application/json", "Accept": "application/json"}

    def call(method, path, body=None):
        connection.request(method, path, None if body is None else json.dumps(body), headers)
        response = connection.getresponse()
        text = response.read().decode()
        if response.status not in (200, 201):
            sys.exit(f"mqtt-flood: {method} {path} answered {response.status}: {text[:300]}")
        return json.loads(text)

    token = call("POST", "/api/v1/auth/login", {"email": ADMIN[0], "password": ADMIN[1]})["accessToken"]
    headers["Authorization"] = "Bearer " + token
    return call


def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) // 1024
    return fields["VmRSS"], fields["VmHWM"]


def remaining_length(n):
    out = bytearray()
    while True:
        digit, n = n % 128, n // 128
        out.append(digit | (0x80 if n else 0))
        if not n:
            return bytes(out)


def text(value):
    data = value.encode()
    return struct.pack(">H", len(data)) + data


def connect(port, code, secret):
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    body = text("MQTT") + bytes([4, 0b1100_0010]) + struct.pack(">H", 60) + text(code) + text(code) + text(secret)
    sock.sendall(b"\x10" + remaining_length(len(body)) + body)
    connack = sock.recv(4)
    if len(connack) != 4 or connack[3] != 0:
        sys.exit(f"mqtt-flood: the broker refused {code}: {connack!r}")
    return sock


def flood(port, sensor, megabytes, result):
    sock = connect(port, sensor["code"], sensor["secret"])
    topic = text(f"summit/v1/sensors/{sensor['code']}/readings")
    size = megabytes * 1024 * 1024
    sock.sendall(b"\x30" + remaining_length(len(topic) + size) + topic)
    chunk, sent, started = bytes(CHUNK), 0, time.monotonic()
    try:
        while sent < size:
            sock.sendall(chunk)
            sent += len(chunk)
        # Everything went: the broker took the whole packet. Did it keep the connection?
        sock.settimeout(5)
        closed = sock.recv(1) == b""
    except OSError:
        closed = True
    result[sensor["code"]] = (sent, closed, time.monotonic() - started)
    sock.close()


def publish_reading(port, sensor):
    sock = connect(port, sensor["code"], sensor["secret"])
    now = datetime.datetime.now(datetime.timezone.utc)
    at = now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
    seq = str(int(now.timestamp() * 1000))
    sig = hmac.new(sensor["secret"].encode(), f"{sensor['code']}|36.6|{at}|{seq}".encode(), hashlib.sha256).hexdigest()
    payload = json.dumps({"sensor": sensor["code"], "celsius": 36.6, "at": at, "seq": int(seq), "sig": sig}, separators=(",", ":")).encode()
    topic = text(f"summit/v1/sensors/{sensor['code']}/readings")
    body = topic + struct.pack(">H", 1) + payload
    sock.sendall(b"\x32" + remaining_length(len(body)) + body)
    puback = sock.recv(4)
    sock.close()
    return len(puback) == 4 and puback[0] == 0x40


def main():
    url, port, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    clients = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    megabytes = int(sys.argv[5]) if len(sys.argv) > 5 else 250
    call = api(url)
    gate = call("GET", "/api/v1/access/gates")[0]["id"]
    run = uuid.uuid4().hex[:6]
    sensors = []
    for i in range(clients):
        enrolment = call("POST", "/api/v1/screening/sensors", {"code": f"FLOOD-{run}-{i}", "name": "flood", "gateId": gate})
        sensors.append({"code": enrolment["sensor"]["code"], "secret": enrolment["secret"]})

    rss_before, peak_before = memory(pid)
    stored_before = call("GET", "/api/v1/screening/settings")["storedSinceStart"]
    print(f"flooding: {clients} connections x {megabytes} MB (one PUBLISH each, QoS 0) to 127.0.0.1:{port}")
    result = {}
    threads = [threading.Thread(target=flood, args=(port, sensor, megabytes, result)) for sensor in sensors]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    time.sleep(2)
    rss_after, peak_after = memory(pid)
    for code, (sent, closed, seconds) in sorted(result.items()):
        print(f"  {code}: sent {sent / 1048576:,.2f} MB in {seconds:.2f} s, connection {'closed by the broker' if closed else 'kept open'}")
    print(f"flood took:         {elapsed:.2f} s")
    print(f"server memory:      resident {rss_before} MB before, {rss_after} MB after; peak {peak_before} MB before, {peak_after} MB after")

    accepted = publish_reading(port, sensors[0])
    deadline = time.monotonic() + 30
    stored = stored_before
    while stored <= stored_before and time.monotonic() < deadline:
        time.sleep(0.2)
        stored = call("GET", "/api/v1/screening/settings")["storedSinceStart"]
    print(f"next reading:       {'acknowledged' if accepted else 'NOT acknowledged'}, {'stored' if stored > stored_before else 'NOT stored'}")
    refused = [r for r in call("GET", "/api/v1/screening/refusals") if r["reason"] == "packet-too-large"]
    print(f"counted refusals:   {sum(r['count'] for r in refused)} packet-too-large")
    bounded = all(closed for _, closed, _ in result.values()) and peak_after - peak_before < 100 and stored > stored_before
    print("verdict:            " + ("PASS (every flood refused, peak memory grew less than 100 MB, the next reading stored)" if bounded else "FAIL"))
    return 0 if bounded else 1


if __name__ == "__main__":
    sys.exit(main())
