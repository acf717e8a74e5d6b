#!/usr/bin/env python3
"""Prepares a running demo server for bench/scan-load.sh, through the REST API only.

    bench/scan-load-setup.py URL DATA_FILE [Soft|Hard]

Signs in as the demo admin, moves the event's dates around today (credentials are valid from the day before the event
to the day after it, and the server decides with its own clock), creates a zone of its own with hard anti-passback and
eight gates (two entry-only, two exit-only, four both-ways lanes), lets every category open it, issues a credential to
every guest who may hold one, fetches their codes, and enrols 64 devices, eight per gate. Writes the codes and device
tokens as a Lua table to DATA_FILE for bench/scan-load.lua. The third argument makes the zone's capacity (5,000, never
reached) a hard limit, so that every batch counts the people inside (default Soft). Standard library only.
"""
import datetime
import http.client
import json
import sys
import urllib.parse
import uuid

ADMIN = ("admin@summit.local", "Summit-Demo-2021")
ZONE = {"code": "SB-HALL", "nameEn": "Scan benchmark hall", "nameZh": "扫码基准测试大厅", "capacity": 5000, "antiPassback": "Hard"}
# (code, directions): the 64 devices are spread evenly, so entries and exits arrive at the same rate.
GATES = [("SB-IN-A", "Entry"), ("SB-IN-B", "Entry"), ("SB-OUT-A", "Exit"), ("SB-OUT-B", "Exit"),
         ("SB-LANE-A", "Both"), ("SB-LANE-B", "Both"), ("SB-LANE-C", "Both"), ("SB-LANE-D", "Both")]
DEVICES_PER_GATE = 8
CREDENTIAL_STATUSES = ("Approved", "Accredited", "Arrived")


class Api:
    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        self.headers = {"Content-Type": "application/json", "Accept": "application/json"}

    def call(self, method, path, body=None, expect=(200, 201, 204), headers=None):
        self.connection.request(method, path, None if body is None else json.dumps(body), {**self.headers, **(headers or {})})
        response = self.connection.getresponse()
        text = response.read().decode()
        if response.status not in expect:
            sys.exit(f"scan-load-setup: {method} {path} answered {response.status}: {text[:500]}")
        return json.loads(text) if text else None


def main(url, data_file, capacity_limit="Soft"):
    api = Api(url)
    login = api.call("POST", "/api/v1/auth/login", {"email": ADMIN[0], "password": ADMIN[1]})
    api.headers["Authorization"] = "Bearer " + login["accessToken"]

    # Before anything of the Access module exists: the access settings take their validity window from the event dates.
    event = api.call("GET", "/api/v1/event")
    today = datetime.datetime.now(datetime.timezone.utc).date()
    api.call("PUT", "/api/v1/event", {**event, "startDate": str(today - datetime.timedelta(days=1)),
                                      "endDate": str(today + datetime.timedelta(days=1))})

    zone = api.call("POST", "/api/v1/access/zones", {**ZONE, "capacityLimit": capacity_limit})
    gates = [api.call("POST", "/api/v1/access/gates", {"code": code, "nameEn": f"Benchmark gate {code}", "nameZh": f"基准测试闸机 {code}",
                                                        "zoneId": zone["id"], "directions": directions})
             for code, directions in GATES]
    # Added to what each category already opens (the demo may have zones of its own).
    opened = {c["categoryId"]: c["zones"] for c in api.call("GET", "/api/v1/access/category-zones")}
    for category in api.call("GET", "/api/v1/categories"):
        api.call("PUT", f"/api/v1/access/category-zones/{category['id']}", opened.get(category["id"], []) + [{"zoneId": zone["id"]}])

    holders = []
    for status in CREDENTIAL_STATUSES:
        page = 1
        while True:
            result = api.call("GET", f"/api/v1/guests?status={status}&pageSize=500&page={page}")
            holders += [g["id"] for g in result["items"]]
            if page * result["pageSize"] >= result["total"]:
                break
            page += 1
    unable = set()
    for start in range(0, len(holders), 250):
        result = api.call("POST", "/api/v1/access/credentials/issue", {"guestIds": holders[start:start + 250]})
        # Guests who already hold a credential keep theirs; those who take part online get none.
        unable |= {r["guestId"] for r in result["refused"] if r["code"] != "credential.already_issued"}
    holders = [g for g in holders if g not in unable]
    codes = [api.call("GET", f"/api/v1/access/guests/{guest}/credential/code")["code"] for guest in holders]

    devices = []
    for gate, (code, directions) in zip(gates, GATES):
        for n in range(1, DEVICES_PER_GATE + 1):
            enrolment = api.call("POST", "/api/v1/access/devices", {"name": f"{code} lane {n}", "gateId": gate["id"]})
            devices.append((enrolment["token"], ["Entry", "Exit"] if directions == "Both" else [directions]))

    # One scan to prove the codes are valid now; a code outside its window would make the whole run a run of refusals.
    probe = api.call("POST", "/api/v1/device/scans", {"nonce": str(uuid.uuid4()), "code": codes[0], "direction": "Entry"},
                     headers={"Authorization": "Device " + devices[0][0]})
    if probe["reason"] not in ("Admitted", "AlreadyInside"):
        sys.exit(f"scan-load-setup: a probe scan was refused with {probe['reason']}; the credentials cannot be scanned today")

    with open(data_file, "w", encoding="utf-8") as out:
        out.write("return {\n  codes = {\n")
        out.writelines(f'    "{c}",\n' for c in codes)
        out.write("  },\n  devices = {\n")
        out.writelines(f'    {{ token = "{t}", directions = {{ {", ".join(json.dumps(d) for d in dirs)} }} }},\n' for t, dirs in devices)
        out.write("  },\n}\n")
    print(f"zone {ZONE['code']} (number {zone['number']}, capacity {zone['capacity']}, {zone['capacityLimit'].lower()} limit), "
          f"{len(gates)} gates, {len(codes)} credentials, {len(devices)} devices")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and sys.argv[3] not in ("Soft", "Hard")):
        sys.exit(__doc__)
    main(*sys.argv[1:])
