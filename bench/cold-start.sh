#!/usr/bin/env bash
# Cold start of the built server to its first page: starts Summit on a fresh data folder (a new SQLite
# database) and polls /login until it answers 200. With "demo", creates the demo event (2,000 guests)
# first, so the time is that of `summit demo` from nothing to a usable sign-in page.
#   bench/cold-start.sh [demo]          (measured by bench/run.sh through hyperfine)
# Needs a Release build: dotnet build Summit.slnx -c Release
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/src/Summit.Server/bin/Release/net10.0
PORT=${SUMMIT_BENCH_PORT:-5141}
URL=http://127.0.0.1:$PORT
[[ -f $BIN/Summit.Server.dll ]] || { echo "cold-start.sh: build first: dotnet build Summit.slnx -c Release" >&2; exit 1; }

# Another server on the port would answer for ours and make the time meaningless.
if curl -fs -o /dev/null "$URL/login"; then
    echo "cold-start.sh: something already answers on $URL; set SUMMIT_BENCH_PORT to a free port" >&2
    exit 1
fi

verb=()
[[ ${1:-} == demo ]] && verb=(demo)
data=$(mktemp -d -t summit-cold.XXXXXX)

# From the build folder, as a deployment runs it, so appsettings.json applies.
cd "$BIN"
dotnet Summit.Server.dll "${verb[@]}" --urls "$URL" --Summit:DataDirectory "$data" > "$data.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null; rm -rf "$data" "$data.log"' EXIT

deadline=$((SECONDS + 120))
until curl -fs -o /dev/null "$URL/login"; do
    if ! kill -0 "$pid" 2> /dev/null; then
        cat "$data.log" >&2
        echo "cold-start.sh: the server stopped before answering" >&2
        exit 1
    fi
    if ((SECONDS > deadline)); then
        echo "cold-start.sh: no answer from $URL/login within 120 s" >&2
        exit 1
    fi
    sleep 0.05
done
