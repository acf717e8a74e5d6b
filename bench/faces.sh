#!/usr/bin/env bash
# The face engine beside the reference (face-api 1.7.15 on TensorFlow.js, WebAssembly backend), in the same run, both
# pinned to one core (CPU 0), on the six sample photos of the npm package (20 faces):
#   bench/faces.sh [--repeat N] [--write-reference]
# Prints the machine and its load, per photo the reference's and Summit's detect + landmarks + descriptors time (median of
# N runs after one warm-up run) and the ratio, a 640 x 480 frame, the memory of the loaded models, 1:N search over 500
# templates (BenchmarkDotNet) and the accuracy on the sample faces and their variants.
# --write-reference  rewrites tests/Summit.Faces.Core.Tests/Reference/face-api-reference.json from one reference run.
# The reference is read from SUMMIT_FACE_REFERENCE (default: the shared face-reference folder beside the checkout) and
# installed with npm into BenchmarkDotNet.Artifacts/face-reference.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
REPEAT=5
WRITE_REFERENCE=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat)
            [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || { echo "--repeat needs a whole number" >&2; exit 2; }
            REPEAT=$2
            shift
            ;;
        --write-reference) WRITE_REFERENCE=1 ;;
        *) echo "Unknown option: $1 (use --repeat N, --write-reference)" >&2; exit 2 ;;
    esac
    shift
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ARTIFACTS=$ROOT/BenchmarkDotNet.Artifacts
mkdir -p "$ARTIFACTS"

source_dir=${SUMMIT_FACE_REFERENCE:-}
if [[ -z $source_dir ]]; then
    for candidate in "$ROOT/../shared/face-reference" "$ROOT/../../shared/face-reference"; do
        [[ -f $candidate/reference.js ]] && { source_dir=$candidate; break; }
    done
fi
[[ -n $source_dir && -f $source_dir/reference.js ]] || { echo "faces.sh: no reference.js; set SUMMIT_FACE_REFERENCE to the face-reference folder" >&2; exit 1; }

echo "== machine"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
echo "cpu:     $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), Node.js $(node --version)"
echo "load:    $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min) before the run"

echo "== reference: npm install ($source_dir)"
REFERENCE=$ARTIFACTS/face-reference
mkdir -p "$REFERENCE"
cp "$source_dir/package.json" "$source_dir/reference.js" "$REFERENCE/"
(cd "$REFERENCE" && npm install --no-audit --no-fund --loglevel=error > /dev/null)
PACKAGE=$REFERENCE/node_modules/@vladmandic/face-api
photos=()
for i in 1 2 3 4 5 6; do photos+=("node_modules/@vladmandic/face-api/demo/sample$i.jpg"); done

if [[ $WRITE_REFERENCE -eq 1 ]]; then
    (cd "$REFERENCE" && OUT="$ROOT/tests/Summit.Faces.Core.Tests/Reference/face-api-reference.json" node reference.js "${photos[@]}")
    echo "wrote tests/Summit.Faces.Core.Tests/Reference/face-api-reference.json"
fi

echo "== build (Release)"
dotnet build bench/Summit.Benchmarks -c Release -nologo -v quiet > "$ARTIFACTS/faces-build.log" 2>&1 || { tail -n 30 "$ARTIFACTS/faces-build.log" >&2; exit 1; }
BENCH=bench/Summit.Benchmarks/bin/Release/net10.0/Summit.Benchmarks.dll
export SUMMIT_FACE_API_DIR=$PACKAGE

echo "== detect + landmarks + descriptors, one core: the reference, then Summit ($REPEAT runs each after a warm-up run)"
runs=()
for _ in $(seq 0 "$REPEAT"); do runs+=("${photos[@]}"); done
(cd "$REFERENCE" && OUT=$ARTIFACTS/face-reference-runs.json taskset -c 0 node reference.js "${runs[@]}") > "$ARTIFACTS/face-reference.log"
taskset -c 0 dotnet "$BENCH" faces-speed --repeat "$REPEAT" | tee "$ARTIFACTS/faces-speed.md"
echo
echo "| photo | faces | reference (ms) | Summit (ms) | Summit faster by |"
echo "| --- | ---: | ---: | ---: | ---: |"
# The reference logs "<file>: <n> faces in <ms> ms" per photo and run; the first run of each photo is the warm-up.
awk -v repeat="$REPEAT" '
    FNR == NR {
        if (match($0, /sample[0-9]\.jpg: [0-9]+ faces in [0-9]+ ms/)) {
            split(substr($0, RSTART, RLENGTH), f, /[: ]+/)
            if (seen[f[1]]++ > 0) { times[f[1]] = times[f[1]] " " f[5] }
            faces[f[1]] = f[2]
        }
        next
    }
    $2 ~ /^sample[0-9]\.jpg$/ && !($2 in summit) { summit[$2] = $12; order[++n] = $2 }
    END {
        for (i = 1; i <= n; i++) {
            name = order[i]; count = split(times[name], t, " ")
            # median of the timed runs
            for (a = 1; a <= count; a++) for (b = a + 1; b <= count; b++) if (t[b] + 0 < t[a] + 0) { x = t[a]; t[a] = t[b]; t[b] = x }
            median = t[int(count / 2) + 1]
            reference += median; ours += summit[name]; total += faces[name]
            printf "| %s | %d | %d | %.1f | %.1fx |\n", name, faces[name], median, summit[name], median / summit[name]
        }
        printf "| all six (per face) | %d | %.0f (%.0f) | %.1f (%.1f) | %.1fx |\n", total, reference, reference / total, ours, ours / total, reference / ours
    }' "$ARTIFACTS/face-reference.log" "$ARTIFACTS/faces-speed.md" | tee "$ARTIFACTS/faces-versus-reference.md"

echo "== 1:N search over 500 templates, one core (goal < 1 ms)"
log=$ARTIFACTS/FaceGalleryBenchmarks.log
taskset -c 0 dotnet "$BENCH" --filter '*.FaceGalleryBenchmarks.*' --artifacts "$ARTIFACTS" --exporters github > "$log" 2>&1 || { tail -n 40 "$log" >&2; exit 1; }
cat "$ARTIFACTS/results/Summit.Benchmarks.FaceGalleryBenchmarks-report-github.md"

echo "== accuracy on the sample faces and same-person variants"
dotnet "$BENCH" faces-accuracy | tee "$ARTIFACTS/faces-accuracy.md"
echo "load:    $(cut -d ' ' -f 1-3 /proc/loadavg) (1, 5, 15 min) after the run"
