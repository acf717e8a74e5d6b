#!/usr/bin/env bash
# Sensor ingestion through the MQTT broker into Summit (issue 4: at least 10,000 readings per second sustained, with none
# lost: count published = count stored).
#   bench/sensor-load.sh [--rate R] [--seconds T] [--warmup W] [--sensors S] [--sqlite] [--mosquitto] [--keep]
# Starts the Release server with the demo on a fresh PostgreSQL database (--sqlite: on a SQLite file instead), with its
# in-process MQTT broker on a free port (--mosquitto: a Mosquitto this script starts, and Summit as its client), then runs
# `Summit.Benchmarks sensor-load`: it enrols S sensors (default 100) on the first gate, warms up for W seconds (default 10,
# not counted), publishes R readings a second (default 10,000) for T seconds (default 30) with QoS 1, signed as sensors sign them, and compares published with the
# server's stored count; prints both rates and the verdict. Drops the database afterwards (--keep leaves it and the log).
# Needs: dotnet build Summit.slnx -c Release; PostgreSQL with the summit role that ./scripts/test.sh creates (or
# SUMMIT_BENCH_POSTGRES="Host=...;Port=...;Username=...;Password=..."); for --mosquitto, apt-get install -y mosquitto.
# Run it on a quiet machine: the publisher, the broker, the server and the database share the cores.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/src/Summit.Server/bin/Release/net10.0
BENCH=$ROOT/bench/Summit.Benchmarks/bin/Release/net10.0/Summit.Benchmarks.dll
PORT=${SUMMIT_BENCH_PORT:-5143}
URL=http://127.0.0.1:$PORT
POSTGRES=${SUMMIT_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=summit;Password=summit"}
RATE=10000 SECONDS_=30 WARMUP=10 SENSORS=100 SQLITE=0 MOSQUITTO=0 KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rate) RATE=$2; shift ;;
        --seconds) SECONDS_=$2; shift ;;
        --sensors) SENSORS=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --sqlite) SQLITE=1 ;;
        --mosquitto) MOSQUITTO=1 ;;
        --keep) KEEP=1 ;;
        *) echo "Unknown option: $1 (use --rate, --seconds, --warmup, --sensors, --sqlite, --mosquitto, --keep)" >&2; exit 2 ;;
    esac
    shift
done

[[ -f $BIN/Summit.Server.dll && -f $BENCH ]] || { echo "sensor-load.sh: build first: dotnet build Summit.slnx -c Release" >&2; exit 1; }
if curl -fs -o /dev/null "$URL/login"; then
    echo "sensor-load.sh: something already answers on $URL; set SUMMIT_BENCH_PORT to a free port" >&2
    exit 1
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
MQTT_PORT=$(free_port)
work=$(mktemp -d -t summit-sensor-load.XXXXXX)
DATABASE=summit_bench_sensors_$$
pid= broker=
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null || true; }
    [[ -n $broker ]] && { kill "$broker" 2> /dev/null; wait "$broker" 2> /dev/null || true; }
    if [[ $KEEP -eq 0 ]]; then
        [[ $SQLITE -eq 1 ]] || psql "$(pg_url)" -tAqc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" > /dev/null < /dev/null || true
        rm -rf "$work"
    else
        echo "kept: $work (server log), database $DATABASE"
    fi
}
pg_url() { # the connection string as a libpq URL to the maintenance database
    local host port user pass key value
    while IFS='=' read -r key value; do
        case "${key,,}" in host) host=$value ;; port) port=$value ;; username) user=$value ;; password) pass=$value ;; esac
    done < <(tr ';' '\n' <<< "$POSTGRES")
    echo "postgresql://$user:$pass@$host:$port/postgres"
}
trap cleanup EXIT

if [[ $SQLITE -eq 1 ]]; then
    DB="Data Source=$work/summit.db"
else
    DB="$POSTGRES;Database=$DATABASE"
fi

MQTT_ARGS=(--Summit:Mqtt:Port "$MQTT_PORT" --Summit:Mqtt:BindAddress 127.0.0.1)
if [[ $MOSQUITTO -eq 1 ]]; then
    # The queue and in-flight window of docs/screening/mosquitto/mosquitto.conf; no logins (the sensors here are the benchmark's).
    printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 0\nmax_inflight_messages 1000\n' "$MQTT_PORT" > "$work/mosquitto.conf"
    /usr/sbin/mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
    broker=$!
    MQTT_ARGS=(--Summit:Mqtt:Port 0 --Summit:Mqtt:BrokerHost 127.0.0.1 --Summit:Mqtt:BrokerPort "$MQTT_PORT")
fi

echo "== server: summit demo, $([[ $SQLITE -eq 1 ]] && echo SQLite || echo "PostgreSQL $DATABASE"), broker $([[ $MOSQUITTO -eq 1 ]] && echo Mosquitto || echo in-process) on $MQTT_PORT"
started=$SECONDS
(cd "$BIN" && exec dotnet Summit.Server.dll demo --no-live --urls "$URL" --db "$DB" --Summit:DataDirectory "$work/data" "${MQTT_ARGS[@]}") > "$work/server.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$URL/login"; do
    kill -0 "$pid" 2> /dev/null || { tail -n 40 "$work/server.log" >&2; echo "sensor-load.sh: the server stopped" >&2; exit 1; }
    ((SECONDS - started < 300)) || { echo "sensor-load.sh: no answer from $URL within 300 s" >&2; exit 1; }
    sleep 0.2
done
echo "ready in $((SECONDS - started)) s; load $(cut -d ' ' -f 1-3 /proc/loadavg)"

dotnet "$BENCH" sensor-load --url "$URL" --broker-port "$MQTT_PORT" --sensors "$SENSORS" --rate "$RATE" --seconds "$SECONDS_" --warmup "$WARMUP"
