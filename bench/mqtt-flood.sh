#!/usr/bin/env bash
# The MQTT flood of issue 9's probe (four parallel publishes of 250 MB took a server from 0.9 to 2.4 GB) as a benchmark of
# the in-process broker's packet limit (Summit:Mqtt:MaxPacketBytes, docs/screening/mqtt.md).
#   bench/mqtt-flood.sh [--clients N] [--megabytes M] [--keep]
# Starts the Release server with the demo (--no-live) on a SQLite file in a temporary folder and its in-process broker on a
# free port, then runs bench/mqtt-flood.py: N sensors (default 4) each publish one M MB message (default 250) at once; it
# prints what each could send before the broker closed it, the server's memory (resident and peak) before and after, and
# whether the next normal reading is stored. --keep leaves the folder (server log). SUMMIT_BENCH_BIN=<folder of a built
# Summit.Server.dll> runs another build (say, an earlier commit's) for a side-by-side measurement.
# Needs: dotnet build Summit.slnx -c Release; python3.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SUMMIT_BENCH_BIN:-$ROOT/src/Summit.Server/bin/Release/net10.0}
PORT=${SUMMIT_BENCH_PORT:-5147}
URL=http://127.0.0.1:$PORT
CLIENTS=4 MEGABYTES=250 KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --clients) CLIENTS=$2; shift ;;
        --megabytes) MEGABYTES=$2; shift ;;
        --keep) KEEP=1 ;;
        *) echo "Unknown option: $1 (use --clients, --megabytes, --keep)" >&2; exit 2 ;;
    esac
    shift
done

[[ -f $BIN/Summit.Server.dll ]] || { echo "mqtt-flood.sh: build first: dotnet build Summit.slnx -c Release" >&2; exit 1; }
if curl -fs -o /dev/null "$URL/login"; then
    echo "mqtt-flood.sh: something already answers on $URL; set SUMMIT_BENCH_PORT to a free port" >&2
    exit 1
fi

MQTT_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d -t summit-mqtt-flood.XXXXXX)
pid=
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null || true; }
    if [[ $KEEP -eq 0 ]]; then rm -rf "$work"; else echo "kept: $work (server log)"; fi
}
trap cleanup EXIT

echo "== server: summit demo on SQLite, in-process broker on 127.0.0.1:$MQTT_PORT; load $(cut -d ' ' -f 1-3 /proc/loadavg)"
started=$SECONDS
(cd "$BIN" && exec dotnet Summit.Server.dll demo --no-live --urls "$URL" --db "Data Source=$work/summit.db" --Summit:DataDirectory "$work/data" \
    --Summit:Mqtt:Port "$MQTT_PORT") > "$work/server.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$URL/login"; do
    kill -0 "$pid" 2> /dev/null || { tail -n 40 "$work/server.log" >&2; echo "mqtt-flood.sh: the server stopped" >&2; exit 1; }
    ((SECONDS - started < 300)) || { echo "mqtt-flood.sh: no answer from $URL within 300 s" >&2; exit 1; }
    sleep 0.2
done
echo "ready in $((SECONDS - started)) s"

python3 "$ROOT/bench/mqtt-flood.py" "$URL" "$MQTT_PORT" "$pid" "$CLIENTS" "$MEGABYTES"
