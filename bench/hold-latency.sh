#!/usr/bin/env bash
# From a fever reading to the gate agent refusing (issue 10: p95 under two seconds).
#   bench/hold-latency.sh [--rounds N] [--sqlite] [--keep]
# Starts the Release server with the demo (no live morning) on a fresh PostgreSQL database (--sqlite: a SQLite file), with its
# in-process MQTT broker on a free port, then runs `Summit.Benchmarks hold-latency`: it sets up a lane with a sensor and a device,
# starts the Release gate agent as a process for it, and N times (default 50) publishes a signed fever reading and scans at the
# agent's local endpoint every 10 ms until it refuses with ScreeningHold, then clears the hold as a security officer and scans until
# the agent admits again. Prints p50, p95 and max of both delays and the verdict. Drops the database afterwards (--keep leaves it).
# Needs: dotnet build Summit.slnx -c Release; PostgreSQL with the summit role that ./scripts/test.sh creates (or
# SUMMIT_BENCH_POSTGRES="Host=...;Port=...;Username=...;Password=..."). Run it on a quiet machine.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/src/Summit.Server/bin/Release/net10.0
AGENT=$ROOT/src/Summit.GateAgent/bin/Release/net10.0/Summit.GateAgent.dll
BENCH=$ROOT/bench/Summit.Benchmarks/bin/Release/net10.0/Summit.Benchmarks.dll
PORT=${SUMMIT_BENCH_PORT:-5145}
URL=http://127.0.0.1:$PORT
POSTGRES=${SUMMIT_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=summit;Password=summit"}
ROUNDS=50 SQLITE=0 KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds)
            [[ $# -ge 2 && $2 =~ ^[0-9]+$ && $2 -gt 0 ]] || { echo "--rounds needs a positive number" >&2; exit 2; }
            ROUNDS=$2
            shift
            ;;
        --sqlite) SQLITE=1 ;;
        --keep) KEEP=1 ;;
        *) echo "Unknown option: $1 (use --rounds, --sqlite, --keep)" >&2; exit 2 ;;
    esac
    shift
done

[[ -f $BIN/Summit.Server.dll && -f $AGENT && -f $BENCH ]] || { echo "hold-latency.sh: build first: dotnet build Summit.slnx -c Release" >&2; exit 1; }
if curl -fs -o /dev/null "$URL/login"; then
    echo "hold-latency.sh: something already answers on $URL; set SUMMIT_BENCH_PORT to a free port" >&2
    exit 1
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
MQTT_PORT=$(free_port)
work=$(mktemp -d -t summit-hold-latency.XXXXXX)
DATABASE=summit_bench_holds_$$
pid=
pg_url() { # the connection string as a libpq URL to the maintenance database
    local host port user pass key value
    while IFS='=' read -r key value; do
        case "${key,,}" in host) host=$value ;; port) port=$value ;; username) user=$value ;; password) pass=$value ;; esac
    done < <(tr ';' '\n' <<< "$POSTGRES")
    echo "postgresql://$user:$pass@$host:$port/postgres"
}
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null || true; }
    if [[ $KEEP -eq 0 ]]; then
        [[ $SQLITE -eq 1 ]] || psql "$(pg_url)" -tAqc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" > /dev/null < /dev/null || true
        rm -rf "$work"
    else
        echo "kept: $work (server log), database $DATABASE"
    fi
}
trap cleanup EXIT

if [[ $SQLITE -eq 1 ]]; then
    DB="Data Source=$work/summit.db"
else
    DB="$POSTGRES;Database=$DATABASE"
fi

echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu:      $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
echo "load:     $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min)"

echo "== server: summit demo --no-live --guests 300, $([[ $SQLITE -eq 1 ]] && echo SQLite || echo "PostgreSQL $DATABASE"), broker on $MQTT_PORT"
started=$SECONDS
(cd "$BIN" && exec dotnet Summit.Server.dll demo --no-live --guests 300 --urls "$URL" --db "$DB" --Summit:DataDirectory "$work/data" \
    --Summit:Mqtt:Port "$MQTT_PORT" --Summit:Mqtt:BindAddress 127.0.0.1) > "$work/server.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$URL/login"; do
    kill -0 "$pid" 2> /dev/null || { tail -n 40 "$work/server.log" >&2; echo "hold-latency.sh: the server stopped" >&2; exit 1; }
    ((SECONDS - started < 300)) || { echo "hold-latency.sh: no answer from $URL within 300 s" >&2; exit 1; }
    sleep 0.2
done
echo "ready in $((SECONDS - started)) s; load $(cut -d ' ' -f 1-3 /proc/loadavg)"

dotnet "$BENCH" hold-latency --url "$URL" --broker-port "$MQTT_PORT" --agent "$AGENT" --rounds "$ROUNDS"
echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min)"
