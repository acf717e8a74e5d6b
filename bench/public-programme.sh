#!/usr/bin/env bash
# The public programme under 50 readers (issue 13: a day's page under 100 ms server time at 50 concurrent readers).
#   bench/public-programme.sh [--connections N] [--duration S] [--warmup S] [--threads N] [--keep]
# Makes a fresh PostgreSQL database, starts the Release server on it with the demo (its programme has one release), finds the
# released days through the public JSON API, then lets wrk read, for --duration seconds each after a warm-up:
#   1. the public page of the day with the most sessions (GET /public/programme?day=..., server-rendered HTML, no sign-in);
#   2. the same day through the JSON API (GET /api/v1/public/programme?day=...);
#   3. the Frab export (GET /api/v1/public/programme/schedule.xml), what conference apps poll.
# wrk's latency is measured on loopback from request to last byte, so it bounds the server's time from above.
# The public family is limited per address (Summit:Security:PortalRequestsPerMinute, 120 by default); 50 readers are 50
# addresses in life, and here they are one, so the run lifts that limit for the benchmark server only.
# Needs: a Release build (dotnet build src/Summit.Server -c Release), wrk (apt-get install wrk), PostgreSQL with the summit
# role that ./scripts/test.sh creates, or SUMMIT_BENCH_POSTGRES="Host=...;Port=...;Username=...;Password=...".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/src/Summit.Server/bin/Release/net10.0
PORT=${SUMMIT_BENCH_PORT:-5146}
URL=http://127.0.0.1:$PORT
POSTGRES=${SUMMIT_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=summit;Password=summit"}
CONNECTIONS=50 DURATION=30 WARMUP=10 THREADS=2 KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --connections | --duration | --warmup | --threads)
            [[ $# -ge 2 && $2 =~ ^[0-9]+$ && $2 -gt 0 ]] || { echo "$1 needs a positive number" >&2; exit 2; }
            declare "$(tr 'a-z' 'A-Z' <<< "${1#--}")=$2"
            shift
            ;;
        --keep) KEEP=1 ;;
        *) echo "Unknown option: $1 (use --connections, --duration, --warmup, --threads, --keep)" >&2; exit 2 ;;
    esac
    shift
done

[[ -f $BIN/Summit.Server.dll ]] || { echo "public-programme.sh: build first: dotnet build src/Summit.Server -c Release" >&2; exit 1; }
command -v wrk > /dev/null || { echo "public-programme.sh: wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if curl -fs -o /dev/null "$URL/login"; then
    echo "public-programme.sh: something already answers on $URL; set SUMMIT_BENCH_PORT to a free port" >&2
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
DATABASE=summit_bench_public_$$
psql -d postgres -tAqc 'SELECT 1' > /dev/null < /dev/null || { echo "public-programme.sh: PostgreSQL is not reachable ($POSTGRES)" >&2; exit 1; }

work=$(mktemp -d -t summit-public-programme.XXXXXX)
pid=
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null || true; }
    if [[ $KEEP -eq 0 ]]; then
        psql -d postgres -tAqc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" > /dev/null < /dev/null || true
        rm -rf "$work"
    else
        echo "kept: database $DATABASE, server log $work/server.log"
    fi
}
trap cleanup EXIT

echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu:      $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
echo "postgres: $(psql -d postgres -tAqc 'SHOW server_version' < /dev/null)"
echo "load:     $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min)"

echo "== server: summit demo on database $DATABASE"
started=$SECONDS
(cd "$BIN" && exec dotnet Summit.Server.dll demo --no-live --urls "$URL" --db "$POSTGRES;Database=$DATABASE" \
    --Summit:DataDirectory "$work/data" --Summit:Security:PortalRequestsPerMinute 100000000) > "$work/server.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$URL/login"; do
    kill -0 "$pid" 2> /dev/null || { tail -n 40 "$work/server.log" >&2; echo "public-programme.sh: the server stopped" >&2; exit 1; }
    ((SECONDS - started < 300)) || { echo "public-programme.sh: no answer from $URL within 300 s" >&2; exit 1; }
    sleep 0.2
done
echo "ready in $((SECONDS - started)) s"

# The day with the most released sessions (the demo's programme starts lightly on its first day).
read -r day sessions < <(curl -fs "$URL/api/v1/public/programme" | python3 -c 'import collections, json, sys
counts = collections.Counter(s["day"] for s in json.load(sys.stdin)["sessions"])
print(*(counts.most_common(1)[0] if counts else ("", 0)))')
[[ -n $day ]] || { echo "public-programme.sh: the public programme has no session: is a release made?" >&2; exit 1; }
echo "busiest day: $day ($sessions sessions released that day)"

measure() { # name, path
    local name=$1 path=$2
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" --timeout 10s "$URL$path" > /dev/null
    echo "== $name: GET $path, $CONNECTIONS readers for $DURATION s"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s --latency "$URL$path" | tee "$work/$name.txt" \
        | grep -E 'Requests/sec|requests in|Non-2xx|Socket errors|  50%|  90%|  99%'
}

measure page "/public/programme?day=$day"
measure json "/api/v1/public/programme?day=$day"
measure export "/api/v1/public/programme/schedule.xml"
echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
