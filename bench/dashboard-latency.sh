#!/usr/bin/env bash
# Scan to dashboard (issue 4: p95 under 500 ms at 500 scans per second), through the HTTP API on PostgreSQL.
#   bench/dashboard-latency.sh [--rate N] [--duration S] [--warmup S] [--connections N] [--threads N] [--guests N] [--nodes 1|2] [--keep]
# Makes a fresh PostgreSQL database, starts the Release server on it with the demo, prepares a zone, eight gates, credentials
# and 64 devices through the REST API (bench/scan-load-setup.py, as bench/scan-load.sh does), then posts online scans with
# wrk paced to --rate scans per second (default 500; bench/dashboard-latency.lua) for a warm-up and the measured run. From the
# warm-up's start, bench/dashboard-latency-poll.py reads GET /api/v1/operations/dashboard every second as the operations
# centre (it judges the reads of the measured run only); each answer reports the p50/p95/max over the last 4,096 scans of the time from a scan reaching the
# server to the first published dashboard snapshot that counts it. The push from there to an open page is one render of
# the Blazor circuit (the browser test OperationsDashboardTests asserts a change within one second end to end).
# Prints the achieved scan rate, the latency figures and the verdict; the per-second reads are in the work folder (--keep).
# --nodes 2 (issue 15: p95 under one second) starts a second server process on the same database with the first one's data key,
# sends every scan to that second process and reads the dashboard of the first: each judged scan crossed between processes
# (PostgreSQL NOTIFY, docs/adr/0029).
# Needs: a Release build (dotnet build src/Summit.Server -c Release), wrk (apt-get install wrk), PostgreSQL with the summit
# role that ./scripts/test.sh creates, or SUMMIT_BENCH_POSTGRES="Host=...;Port=...;Username=...;Password=...".
# Run it on a quiet machine: the lead runs the benchmarks, and the figures go to docs/benchmarks.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/src/Summit.Server/bin/Release/net10.0
PORT=${SUMMIT_BENCH_PORT:-5144}
URL=http://127.0.0.1:$PORT
POSTGRES=${SUMMIT_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=summit;Password=summit"}
RATE=500 DURATION=60 WARMUP=20 CONNECTIONS=64 THREADS=2 GUESTS=3800 NODES=1 KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rate | --duration | --warmup | --connections | --threads | --guests | --nodes)
            [[ $# -ge 2 && $2 =~ ^[0-9]+$ && $2 -gt 0 ]] || { echo "$1 needs a positive number" >&2; exit 2; }
            declare "$(tr 'a-z' 'A-Z' <<< "${1#--}")=$2"
            shift
            ;;
        --keep) KEEP=1 ;;
        *) echo "Unknown option: $1 (use --rate, --duration, --warmup, --connections, --threads, --guests, --nodes, --keep)" >&2; exit 2 ;;
    esac
    shift
done
[[ $NODES == 1 || $NODES == 2 ]] || { echo "--nodes is 1 or 2" >&2; exit 2; }
SCAN_URL=$URL

[[ -f $BIN/Summit.Server.dll ]] || { echo "dashboard-latency.sh: build first: dotnet build src/Summit.Server -c Release" >&2; exit 1; }
command -v wrk > /dev/null || { echo "dashboard-latency.sh: wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if curl -fs -o /dev/null "$URL/login"; then
    echo "dashboard-latency.sh: something already answers on $URL; set SUMMIT_BENCH_PORT to a free port" >&2
    exit 1
fi

while IFS='=' read -r key value; do
    case "${key,,}" in
        host) export PGHOST=$value ;;
        port) export PGPORT=$value ;;
        username) export PGUSER=$value ;;
        password) export PGPASSWORD=$value ;;
    esac
done < <(tr ';' '\n' <<< "$POSTGRES")
DATABASE=summit_bench_dashboard_$$
psql -d postgres -tAqc 'SELECT 1' > /dev/null < /dev/null || { echo "dashboard-latency.sh: PostgreSQL is not reachable ($POSTGRES)" >&2; exit 1; }

work=$(mktemp -d -t summit-dashboard-latency.XXXXXX)
pid=
pid_b=
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null || true; }
    [[ -n $pid_b ]] && { kill "$pid_b" 2> /dev/null; wait "$pid_b" 2> /dev/null || true; }
    if [[ $KEEP -eq 0 ]]; then
        psql -d postgres -tAqc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" > /dev/null < /dev/null || true
        rm -rf "$work"
    else
        echo "kept: database $DATABASE, server log $work/server.log, dashboard reads $work/reads.txt"
    fi
}
trap cleanup EXIT

echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu:      $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
echo ".NET:     $(dotnet --list-runtimes | grep -m 1 AspNetCore)"
echo "postgres: $(psql -d postgres -tAqc 'SHOW server_version' < /dev/null)"
echo "load:     $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min)"

echo "== server: summit demo --guests $GUESTS on database $DATABASE"
started=$SECONDS
(cd "$BIN" && exec dotnet Summit.Server.dll demo --no-live --guests "$GUESTS" --urls "$URL" --db "$POSTGRES;Database=$DATABASE" \
    --Summit:DataDirectory "$work/data") > "$work/server.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$URL/login"; do
    kill -0 "$pid" 2> /dev/null || { tail -n 40 "$work/server.log" >&2; echo "dashboard-latency.sh: the server stopped" >&2; exit 1; }
    ((SECONDS - started < 300)) || { echo "dashboard-latency.sh: no answer from $URL within 300 s" >&2; exit 1; }
    sleep 0.2
done
echo "ready in $((SECONDS - started)) s"

echo "== set-up through the REST API"
python3 "$ROOT/bench/scan-load-setup.py" "$URL" "$work/data.lua"

if [[ $NODES == 2 ]]; then
    SCAN_URL=http://127.0.0.1:$((PORT + 1))
    echo "== second server on the same database, $SCAN_URL: every scan goes there, the dashboard is read on $URL"
    mkdir -p "$work/data-b" && cp -r "$work/data/keys" "$work/data-b/"
    (cd "$BIN" && exec dotnet Summit.Server.dll --urls "$SCAN_URL" --db "$POSTGRES;Database=$DATABASE" --Summit:DataDirectory "$work/data-b" \
        --Summit:Mqtt:Port 0 --Summit:Security:RequireAdminTwoFactor false) > "$work/server-b.log" 2>&1 &
    pid_b=$!
    until curl -fs -o /dev/null "$SCAN_URL/login"; do
        kill -0 "$pid_b" 2> /dev/null || { tail -n 40 "$work/server-b.log" >&2; echo "dashboard-latency.sh: the second server stopped" >&2; exit 1; }
        sleep 0.2
    done
fi

run_wrk() { # seconds, extra options...
    local seconds=$1
    shift
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s "$@" -s "$ROOT/bench/dashboard-latency.lua" "$SCAN_URL" \
        -- "$work/data.lua" "$THREADS" "$CONNECTIONS" "$RATE"
}

# The operations centre watches from the start: reads during the warm-up keep the board on its watched pace, and are not judged.
python3 "$ROOT/bench/dashboard-latency-poll.py" "$URL" "$((WARMUP + DURATION))" "$work/reads.txt" "$WARMUP" "$((NODES == 2 ? 1000 : 500))" > "$work/poll.txt" &
poller=$!
echo "== warm-up: $WARMUP s at $RATE scans/s"
run_wrk "$WARMUP" | grep -E 'Requests/sec|requests in'

echo "== measured run: $DURATION s at $RATE scans/s ($CONNECTIONS connections)"
run_wrk "$DURATION" --latency | tee "$work/wrk.txt" | grep -E 'Requests/sec|requests in|Non-2xx|50%|99%'
wait "$poller"

echo "== results"
awk -v rate="$RATE" '/Requests\/sec/ { printf "scans per second achieved: %.0f (asked %d)\n", $2, rate }' "$work/wrk.txt"
cat "$work/poll.txt"
