#!/usr/bin/env bash
# Runs every benchmark and prints the results (not part of the test command; takes about 20-40 minutes).
#   bench/run.sh [--postgres] [--only list|import|demo|cold|gate|fuzz|badges|uploads|faces]
# --postgres  also measure on PostgreSQL: uses SUMMIT_BENCH_POSTGRES, or the summit role on 127.0.0.1:5432
#             that ./scripts/test.sh sets up.
# Results: BenchmarkDotNet.Artifacts/results/*.md (BenchmarkDotNet) and BenchmarkDotNet.Artifacts/*.md (hyperfine,
# gate latency, fuzzing).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
ONLY=all
while [[ $# -gt 0 ]]; do
    case "$1" in
        --postgres) export SUMMIT_BENCH_POSTGRES=${SUMMIT_BENCH_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=summit;Password=summit"} ;;
        --only)
            [[ $# -ge 2 ]] || { echo "--only needs list, import, demo, cold, gate, fuzz, badges, uploads or faces" >&2; exit 2; }
            ONLY=$2
            shift
            ;;
        *) echo "Unknown option: $1 (use --postgres, --only list|import|demo|cold|gate|fuzz|badges|uploads|faces)" >&2; exit 2 ;;
    esac
    shift
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ARTIFACTS=$ROOT/BenchmarkDotNet.Artifacts
mkdir -p "$ARTIFACTS"

echo "== machine"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu:     $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
echo "memory:  $(free -h | awk '/^Mem:/ { print $2 }')"
echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo ".NET:    SDK $(dotnet --version)"
echo "load:    $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min)"
if [[ -n ${SUMMIT_BENCH_POSTGRES:-} ]]; then
    echo "postgres: $(PGPASSWORD=summit psql -h 127.0.0.1 -U summit -d postgres -tAc 'SHOW server_version' 2> /dev/null || echo "not reachable: run ./scripts/test.sh once to set it up")"
fi

echo "== build (Release)"
dotnet build Summit.slnx -c Release -nologo -v quiet > "$ARTIFACTS/build.log" 2>&1 || { tail -n 30 "$ARTIFACTS/build.log" >&2; exit 1; }

BENCH=bench/Summit.Benchmarks/bin/Release/net10.0/Summit.Benchmarks.dll

bdn() { # class name, then optionally a command to run it under (taskset -c 0)
    local name=$1 log=$ARTIFACTS/$1.log
    shift
    "$@" dotnet "$BENCH" --filter "*.$name.*" --artifacts "$ARTIFACTS" \
        --exporters github > "$log" 2>&1 || { tail -n 40 "$log" >&2; exit 1; }
    if grep -q 'Benchmarks with issues' "$log"; then
        grep -m 5 -E 'Exception:|Benchmarks with issues' "$log" >&2
        echo "run.sh: $name failed, see $log" >&2
        exit 1
    fi
    grep '^// .*guests' "$log" | sort -u || true
    cat "$ARTIFACTS/results/Summit.Benchmarks.$name-report-github.md"
}

if [[ $ONLY == all || $ONLY == list ]]; then
    echo "== guest list at 100,000 guests (goal < 50 ms)"
    bdn GuestListBenchmarks
fi
if [[ $ONLY == all || $ONLY == import ]]; then
    echo "== import of 10,000 CSV rows (goal < 10 s)"
    bdn GuestImportBenchmarks
fi
if [[ $ONLY == all || $ONLY == demo ]]; then
    echo "== demo creation in process, 2,000 guests (goal < 20 s)"
    bdn DemoSeederBenchmarks
fi
if [[ $ONLY == all || $ONLY == gate ]]; then
    # The goal is per core: pinned to CPU 0 (BenchmarkDotNet runs in process, so its measurements are pinned too).
    echo "== offline gate decision vs Ed25519 verify, one core (goal >= 80% of the verify rate, p99 < 1 ms, no allocation)"
    bdn GateDecisionBenchmarks taskset -c 0
    taskset -c 0 dotnet "$BENCH" latency --count 1000000 | tee "$ARTIFACTS/gate-latency.md"
fi
if [[ $ONLY == all || $ONLY == fuzz ]]; then
    echo "== decoder and decision fuzzing, 1,000,000 inputs (no exception, nothing admitted but genuine codes)"
    dotnet "$BENCH" fuzz --count 1000000 --seed 1 | tee "$ARTIFACTS/fuzz.md"
fi
if [[ $ONLY == all || $ONLY == badges ]]; then
    echo "== batch print of 2,000 badges with photos, names shaped in six scripts (goal: a 2,000 batch well inside the print run)"
    dotnet "$BENCH" badges --count 2000 | tee "$ARTIFACTS/badges.md"
fi
if [[ $ONLY == all || $ONLY == faces ]]; then
    echo "== faces: Summit beside the reference on one core, a 640 x 480 frame, 1:N over 500, memory, accuracy"
    bench/faces.sh --repeat 5
fi

if [[ $ONLY == all || $ONLY == uploads ]]; then
    echo "== hostile uploads: photos at and over the pixel limit, the largest import files, the probe's spreadsheet bombs"
    bench/uploads.sh | tee "$ARTIFACTS/uploads.md"
fi

if [[ $ONLY == all || $ONLY == cold ]]; then
    if ! command -v hyperfine > /dev/null; then
        echo "installing hyperfine"
        apt-get install -y -qq hyperfine < /dev/null > /dev/null 2>&1 \
            || { apt-get update -qq < /dev/null > /dev/null && apt-get install -y -qq hyperfine < /dev/null > /dev/null; }
    fi
    echo "== server cold start to first page, and summit demo from nothing to first page (hyperfine)"
    hyperfine --style basic --warmup 1 --runs 10 --export-markdown "$ARTIFACTS/cold-start.md" -n 'cold start' 'bench/cold-start.sh'
    hyperfine --style basic --runs 5 --export-markdown "$ARTIFACTS/demo-start.md" -n 'demo start' 'bench/cold-start.sh demo'
    cat "$ARTIFACTS/cold-start.md" "$ARTIFACTS/demo-start.md"
fi
