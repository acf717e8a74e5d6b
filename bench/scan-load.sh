#!/usr/bin/env bash
# Online scans per second through the HTTP API on PostgreSQL (issue 3: at least 2,000 per second sustained with 64
# concurrent gate clients, with p50 and p99 latency).
#   bench/scan-load.sh [--duration S] [--warmup S] [--connections N] [--threads N] [--guests N] [--nodes 1|2] [--hard-capacity] [--priority] [--keep]
# Makes a fresh PostgreSQL database, starts the Release server on it with the demo (--guests, default 3,800, of whom
# about 2,000 may hold a credential), prepares a zone, gates, credentials and 64 devices through the REST API
# (bench/scan-load-setup.py), then runs wrk (bench/scan-load.lua): a warm-up, then the measured run with --latency.
# Counts the rows of "Scans" before and after the measured run, prints the verdict mix of the run, the CPU the server,
# PostgreSQL and wrk used, and drops the database (--keep leaves it and the server's log). --priority (as root) runs the
# server and wrk at nice -10 and, after the warm-up, the PostgreSQL backends of the benchmark's database too: on a machine
# shared with other jobs, the figure is then what the two cores give the gate workload when it comes first. --hard-capacity
# makes the zone's capacity (5,000, never reached) a hard limit: each batch then locks the zone and counts who is inside.
# --nodes 2 (issue 15) starts a second server on the same database with the first one's data key and HAProxy in front of both with
# docs/cluster/haproxy.cfg, and sends the scans through HAProxy: run it beside a --nodes 1 run to compare (the server's CPU is then
# both processes' and HAProxy's). Needs haproxy (apt-get install haproxy).
# Needs: a Release build (dotnet build src/Summit.Server -c Release), wrk and GNU time (apt-get install wrk time), PostgreSQL with the
# summit role that ./scripts/test.sh creates, or SUMMIT_BENCH_POSTGRES="Host=...;Port=...;Username=...;Password=...".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/src/Summit.Server/bin/Release/net10.0
PORT=${SUMMIT_BENCH_PORT:-5143}
URL=http://127.0.0.1:$PORT
POSTGRES=${SUMMIT_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=summit;Password=summit"}
DURATION=60 WARMUP=30 CONNECTIONS=64 THREADS=2 GUESTS=3800 NODES=1 KEEP=0 NICE=() LIMIT=Soft
while [[ $# -gt 0 ]]; do
    case "$1" in
        --duration | --warmup | --connections | --threads | --guests | --nodes)
            [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || { echo "$1 needs a number" >&2; exit 2; }
            declare "$(tr 'a-z' 'A-Z' <<< "${1#--}")=$2"
            shift
            ;;
        --keep) KEEP=1 ;;
        --priority) NICE=(nice -n -10) ;;
        --hard-capacity) LIMIT=Hard ;;
        *) echo "Unknown option: $1 (use --duration, --warmup, --connections, --threads, --guests, --nodes, --hard-capacity, --priority, --keep)" >&2; exit 2 ;;
    esac
    shift
done
[[ $NODES == 1 || $NODES == 2 ]] || { echo "--nodes is 1 or 2" >&2; exit 2; }
SCAN_URL=$URL

[[ -f $BIN/Summit.Server.dll ]] || { echo "scan-load.sh: build first: dotnet build src/Summit.Server -c Release" >&2; exit 1; }
command -v wrk > /dev/null && [[ -x /usr/bin/time ]] || { echo "scan-load.sh: wrk or GNU time is missing: apt-get install -y wrk time" >&2; exit 1; }
if curl -fs -o /dev/null "$URL/login"; then
    echo "scan-load.sh: something already answers on $URL; set SUMMIT_BENCH_PORT to a free port" >&2
    exit 1
fi

# psql takes the same connection as the server, from the connection string's parts.
while IFS='=' read -r key value; do
    case "${key,,}" in
        host) export PGHOST=$value ;;
        port) export PGPORT=$value ;;
        username) export PGUSER=$value ;;
        password) export PGPASSWORD=$value ;;
    esac
done < <(tr ';' '\n' <<< "$POSTGRES")
DATABASE=summit_bench_scans_$$
sql() { psql -d "$DATABASE" -tAqc "$1" < /dev/null; }
psql -d postgres -tAqc 'SELECT 1' > /dev/null < /dev/null || { echo "scan-load.sh: PostgreSQL is not reachable ($POSTGRES); run ./scripts/test.sh once" >&2; exit 1; }

work=$(mktemp -d -t summit-scan-load.XXXXXX)
pid=
pid_b=
pid_balancer=
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null || true; }
    [[ -n $pid_b ]] && { kill "$pid_b" 2> /dev/null; wait "$pid_b" 2> /dev/null || true; }
    [[ -n $pid_balancer ]] && { kill "$pid_balancer" 2> /dev/null; wait "$pid_balancer" 2> /dev/null || true; }
    if [[ $KEEP -eq 0 ]]; then
        psql -d postgres -tAqc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" > /dev/null < /dev/null || true
        rm -rf "$work"
    else
        echo "kept: database $DATABASE, server log $work/server.log"
    fi
}
trap cleanup EXIT

cpu_ticks() { # pid...: user + system clock ticks of these processes
    local total=0 pid fields
    for pid in "$@"; do
        read -ra fields < "/proc/$pid/stat" 2> /dev/null || continue
        total=$((total + fields[13] + fields[14]))
    done
    echo "$total"
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8, $5 + $6 }' /proc/stat; } # all, idle + iowait

echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu:      $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
echo "os:       $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo ".NET:     $(dotnet --list-runtimes | grep -m 1 AspNetCore)"
echo "postgres: $(psql -d postgres -tAqc 'SHOW server_version' < /dev/null)"
echo "wrk:      $(wrk -v 2>&1 | head -n 1)"
echo "load:     $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min)"

echo "== server: summit demo --guests $GUESTS on database $DATABASE"
started=$SECONDS
# From the build folder, as a deployment runs it (Production environment, appsettings.json).
(cd "$BIN" && exec "${NICE[@]}" dotnet Summit.Server.dll demo --no-live --guests "$GUESTS" --urls "$URL" --db "$POSTGRES;Database=$DATABASE" \
    --Summit:DataDirectory "$work/data") > "$work/server.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$URL/login"; do
    kill -0 "$pid" 2> /dev/null || { tail -n 40 "$work/server.log" >&2; echo "scan-load.sh: the server stopped" >&2; exit 1; }
    ((SECONDS - started < 300)) || { echo "scan-load.sh: no answer from $URL within 300 s" >&2; exit 1; }
    sleep 0.2
done
echo "ready in $((SECONDS - started)) s"

echo "== set-up through the REST API"
python3 "$ROOT/bench/scan-load-setup.py" "$URL" "$work/data.lua" "$LIMIT"

if [[ $NODES == 2 ]]; then
    URL_B=http://127.0.0.1:$((PORT + 1)) SCAN_URL=http://127.0.0.1:$((PORT + 2))
    echo "== second server on the same database ($URL_B) and HAProxy in front of both ($SCAN_URL)"
    mkdir -p "$work/data-b" && cp -r "$work/data/keys" "$work/data-b/"
    (cd "$BIN" && exec "${NICE[@]}" dotnet Summit.Server.dll --urls "$URL_B" --db "$POSTGRES;Database=$DATABASE" --Summit:DataDirectory "$work/data-b" \
        --Summit:Mqtt:Port 0 --Summit:Security:RequireAdminTwoFactor false) > "$work/server-b.log" 2>&1 &
    pid_b=$!
    until curl -fs -o /dev/null "$URL_B/login"; do
        kill -0 "$pid_b" 2> /dev/null || { tail -n 40 "$work/server-b.log" >&2; echo "scan-load.sh: the second server stopped" >&2; exit 1; }
        sleep 0.2
    done
    sed -e "s/^    bind :80$/    bind 127.0.0.1:$((PORT + 2))/" -e "s/server a 10.0.0.20:8080/server a 127.0.0.1:$PORT/" \
        -e "s/server b 10.0.0.21:8080/server b 127.0.0.1:$((PORT + 1))/" "$ROOT/docs/cluster/haproxy.cfg" > "$work/haproxy.cfg"
    haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
    pid_balancer=$!
    until curl -fs -o /dev/null "$SCAN_URL/health"; do sleep 0.2; done
fi

run_wrk() { # seconds, extra options...
    local seconds=$1
    shift
    # GNU time writes the CPU wrk itself used: it shares the two cores with the server and PostgreSQL.
    /usr/bin/time -f '%U %S' -o "$work/wrk-cpu" "${NICE[@]}" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s "$@" -s "$ROOT/bench/scan-load.lua" "$SCAN_URL" -- "$work/data.lua" "$THREADS"
}

echo "== warm-up: $WARMUP s"
run_wrk "$WARMUP" | grep -E 'Requests/sec|requests in'
sleep 2 # let the last answered scans of the warm-up commit
if [[ ${#NICE[@]} -gt 0 ]]; then
    # The server's pooled connections are open by now; their backends name the database in their process title.
    renice -n -10 -p $(pgrep -f "postgres: .* $DATABASE ") > /dev/null
fi

echo "== measured run: $DURATION s, $CONNECTIONS connections, $THREADS threads"
echo "load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
rows_before=$(sql 'SELECT count(*) FROM "Scans"')
since=$(sql 'SELECT now()')
server_before=$(cpu_ticks "$pid" $pid_b $pid_balancer)
postgres_before=$(cpu_ticks $(pgrep -x postgres))
read -r machine_before idle_before < <(machine_ticks)
run_wrk "$DURATION" --latency | tee "$work/wrk.txt"
read -r machine_after idle_after < <(machine_ticks)
server_after=$(cpu_ticks "$pid" $pid_b $pid_balancer)
postgres_after=$(cpu_ticks $(pgrep -x postgres))
echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
sleep 2 # scans answered after wrk stopped counting still commit
rows_after=$(sql 'SELECT count(*) FROM "Scans"')

answered=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
hz=$(getconf CLK_TCK)
echo "== results"
echo "requests answered (wrk):   $answered"
echo "rows added to \"Scans\":     $((rows_after - rows_before)) (wrk does not count requests cut at the end, at most $CONNECTIONS)"
echo "non-2xx answers:           $(awk '/Non-2xx/ { print $5 }' "$work/wrk.txt" | grep . || echo 0)"
read -r wrk_user wrk_system < "$work/wrk-cpu"
awk -v s="$DURATION" -v hz="$hz" -v sb="$server_before" -v sa="$server_after" -v pb="$postgres_before" -v pa="$postgres_after" \
    -v mb="$machine_before" -v ma="$machine_after" -v ib="$idle_before" -v ia="$idle_after" -v wu="$wrk_user" -v ws="$wrk_system" -v n="$answered" 'BEGIN {
    printf "cpu, in cores over the run: server %.2f, PostgreSQL (all its processes) %.2f, wrk %.2f, machine busy %.0f%%\n",
        (sa - sb) / hz / s, (pa - pb) / hz / s, (wu + ws) / s, 100 * (1 - (ia - ib) / (ma - mb))
    printf "cpu per scan: server %.0f us, PostgreSQL %.0f us, wrk %.0f us\n",
        1e6 * (sa - sb) / hz / n, 1e6 * (pa - pb) / hz / n, 1e6 * (wu + ws) / n
}'
echo "verdicts of the measured run:"
sql "SELECT CASE \"Reason\" WHEN 0 THEN 'Admitted' WHEN 10 THEN 'BadFormat' WHEN 11 THEN 'BadSignature' WHEN 18 THEN 'AlreadyInside' WHEN 21 THEN 'PersonBlocked'
        ELSE 'reason ' || \"Reason\" END || CASE \"Direction\" WHEN 0 THEN ' (entry)' ELSE ' (exit)' END AS verdict,
        count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 1) || '%'
     FROM \"Scans\" WHERE \"ReceivedAt\" >= '$since' GROUP BY 1 ORDER BY 2 DESC" | column -t -s '|'
