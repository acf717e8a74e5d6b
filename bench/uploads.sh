#!/usr/bin/env bash
# What an upload costs the server, refused or accepted: each case of `Summit.Benchmarks uploads` in its own process
# (wall time, CPU time, peak resident memory added), as a Markdown table. Not part of the test command; about a minute.
#   bench/uploads.sh            (after a Release build: dotnet build Summit.slnx -c Release)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH=bench/Summit.Benchmarks/bin/Release/net10.0/Summit.Benchmarks.dll
echo "| Case | File | Outcome | Wall | CPU | Peak memory added |"
echo "| --- | ---: | --- | ---: | ---: | ---: |"
for name in photo-jpeg-24mp photo-png-24mp photo-png-40mp photo-png-40mp-decoded xlsx-200000-rows xlsx-200000-rows-reader-only \
    xlsx-cell-1.5-billion xlsx-zip-bomb-300mb csv-200000-rows; do
    dotnet "$BENCH" uploads --case "$name"
done
