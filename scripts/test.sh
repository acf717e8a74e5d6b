#!/usr/bin/env bash
# The test command: ./scripts/test.sh [--no-postgres] [--filter EXPR]
#
# Installs what the tests need when missing (PostgreSQL, Chromium, aiosmtpd, CJK fonts, zbarimg, pdftotext, HAProxy, Node.js with
# npm), starts PostgreSQL on 127.0.0.1:5432 and a capturing SMTP server on 127.0.0.1:2525, builds once in Release, runs every test
# project on SQLite, then the integration suite again on PostgreSQL. Ends with "N passed, N failed" summed
# over the TRX files of all runs and exits non-zero if anything failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

POSTGRES=1
FILTER=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-postgres) POSTGRES=0 ;;
        --filter)
            [[ $# -ge 2 ]] || { echo "--filter needs an expression" >&2; exit 2; }
            FILTER=(--filter "$2")
            shift
            ;;
        -h | --help)
            sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) echo "Unknown option: $1 (use --no-postgres, --filter EXPR)" >&2; exit 2 ;;
    esac
    shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive
SMTP_PORT=${SUMMIT_TEST_SMTP_PORT:-2525}
PG_HOST=127.0.0.1
PG_PORT=5432
PG_CONNECTION="Host=$PG_HOST;Port=$PG_PORT;Username=summit;Password=summit"
RESULTS=$ROOT/TestResults
STARTED=$SECONDS

step() { printf '==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
        sudo -n "$@"
    else
        die "needs root to run: $* (run as root, or install it yourself)"
    fi
}

# --- packages -------------------------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2> /dev/null | grep -q 'install ok installed'; }

packages=(python3-aiosmtpd chromium fonts-noto-cjk zbar-tools poppler-utils mosquitto mosquitto-clients haproxy)
[[ $POSTGRES -eq 1 ]] && packages+=(postgresql)
missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
# The face tests fetch the npm package @vladmandic/face-api (sample photos, weights) and run the reference's JPEG
# decoder with Node.js. Node.js from elsewhere (say, NodeSource's, which bundles npm) is fine.
command -v npm > /dev/null && command -v node > /dev/null || missing+=(nodejs npm)
if [[ ${#missing[@]} -gt 0 ]]; then
    step "installing ${missing[*]}"
    log=$(mktemp)
    if ! { as_root apt-get update -qq && as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"; } < /dev/null > "$log" 2>&1; then
        cat "$log" >&2
        die "apt-get install failed"
    fi
    rm -f "$log"
fi

# --- PostgreSQL -------------------------------------------------------------------------------------
pg_as_summit() { PGPASSWORD=summit PGCONNECT_TIMEOUT=5 psql -h "$PG_HOST" -p "$PG_PORT" -U summit -d postgres -tAqc "$1" < /dev/null; }
pg_as_postgres() { (cd / && as_root runuser -u postgres -- psql -p "$PG_PORT" -d postgres -tAqc "$1" < /dev/null); }

if [[ $POSTGRES -eq 1 ]]; then
    if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
        step "starting PostgreSQL"
        cluster=$(pg_lsclusters -h 2> /dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }')
        if [[ -z $cluster ]]; then
            version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
            as_root pg_createcluster "$version" main --port "$PG_PORT" > /dev/null
            cluster="$version main"
        fi
        # shellcheck disable=SC2086 # "version name" splits into two arguments on purpose
        as_root pg_ctlcluster $cluster start || as_root service postgresql start
        for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
        pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL did not start on $PG_HOST:$PG_PORT"
    fi
    if ! pg_as_summit 'SELECT 1' > /dev/null 2>&1; then
        step "creating PostgreSQL role summit"
        if [[ $(pg_as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'summit'") == 1 ]]; then
            pg_as_postgres "ALTER ROLE summit WITH LOGIN CREATEDB PASSWORD 'summit'" > /dev/null
        else
            pg_as_postgres "CREATE ROLE summit WITH LOGIN CREATEDB PASSWORD 'summit'" > /dev/null
        fi
        pg_as_summit 'SELECT 1' > /dev/null || die "cannot sign in to PostgreSQL as summit on $PG_HOST:$PG_PORT"
    fi
    # Each test class drops its database WITH (FORCE), which must also end an autovacuum worker busy in it.
    if [[ $(pg_as_summit "SELECT pg_has_role('pg_signal_backend', 'MEMBER')") != t ]]; then
        pg_as_postgres "GRANT pg_signal_backend TO summit" > /dev/null
    fi
fi

# --- SMTP capture server ----------------------------------------------------------------------------
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
SMTP_DIR=$RESULTS/smtp-mail
SMTP_PID=
cleanup() {
    if [[ -n $SMTP_PID ]]; then
        kill "$SMTP_PID" 2> /dev/null || true
        wait "$SMTP_PID" 2> /dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python=
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import aiosmtpd' 2> /dev/null; then python=$candidate; break; fi
done
[[ -n $python ]] || die "no python3 with aiosmtpd (apt-get install python3-aiosmtpd)"
start_smtp() {
    "$python" scripts/smtp-capture.py "$SMTP_DIR" --host 127.0.0.1 --port "$SMTP_PORT" > "$RESULTS/smtp-capture.log" 2>&1 &
    SMTP_PID=$!
    for _ in $(seq 1 50); do
        grep -q '^listening' "$RESULTS/smtp-capture.log" && return 0
        kill -0 "$SMTP_PID" 2> /dev/null || { SMTP_PID=; return 1; }
        sleep 0.2
    done
    kill "$SMTP_PID" 2> /dev/null
    SMTP_PID=
    return 1
}
if ! start_smtp; then
    # Port taken (say, by a capture server left from an interrupted run): any free port will do.
    busy=$SMTP_PORT
    SMTP_PORT=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "test.sh: SMTP port $busy is busy, using $SMTP_PORT"
    start_smtp || { cat "$RESULTS/smtp-capture.log" >&2; die "SMTP capture server did not start"; }
fi
export SUMMIT_TEST_SMTP=127.0.0.1:$SMTP_PORT SUMMIT_TEST_SMTP_DIR=$SMTP_DIR
# The browser tests' server logs and browser console errors, shown below when a run fails.
export SUMMIT_TEST_LOGS=$RESULTS/logs
[[ -x /usr/bin/chromium ]] && export SUMMIT_CHROMIUM=/usr/bin/chromium

# --- build and test ---------------------------------------------------------------------------------
step "building Summit.slnx (Release)"
if ! dotnet build Summit.slnx -c Release -nologo -v quiet > "$RESULTS/build.log" 2>&1; then
    grep -E ' error |error [A-Z]+[0-9]+' "$RESULTS/build.log" | sort -u >&2 || cat "$RESULTS/build.log" >&2
    die "build failed (full log: TestResults/build.log)"
fi

status=0
run_tests() { # name target [env...]
    local name=$1 target=$2
    shift 2
    step "testing $target on $name"
    # -m:1: one test project at a time; two cores are shared by the server, the tests and Chromium.
    env "$@" dotnet test "$target" -c Release --no-build -nologo -m:1 "${FILTER[@]}" \
        --logger trx --results-directory "$RESULTS/$name" || status=1
}

# The browser tests that need two server processes on one database (issue 15) take PostgreSQL from SUMMIT_BROWSER_POSTGRES; every
# other test of this run stays on SQLite.
browser_postgres=()
[[ $POSTGRES -eq 1 ]] && browser_postgres=("SUMMIT_BROWSER_POSTGRES=$PG_CONNECTION")
run_tests sqlite Summit.slnx "${browser_postgres[@]}"
if [[ $POSTGRES -eq 1 ]]; then
    run_tests postgres tests/Summit.Tests "SUMMIT_TEST_POSTGRES=$PG_CONNECTION"
fi

# --- summary over every TRX file --------------------------------------------------------------------
shopt -s nullglob globstar
trx=("$RESULTS"/**/*.trx)
[[ ${#trx[@]} -gt 0 ]] || { echo "no TRX results were written" >&2; status=1; }
# A class fixture that fails to clean up, or a crashed test host, shows as a run error, not as a failed test.
run_errors=$(cat /dev/null "${trx[@]}" | grep -c '<RunInfo [^>]*outcome="Error"' || true)
read -r passed failed skipped < <(
    cat /dev/null "${trx[@]}" | grep -o '<Counters [^>]*>' | awk '
        function attr(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
        { p += attr("passed"); f += attr("failed") + attr("error") + attr("timeout") + attr("aborted"); s += attr("notExecuted") }
        END { print p + 0, f + 0, s + 0 }'
)
[[ $failed -eq 0 ]] || status=1
if [[ $run_errors -gt 0 || ($status -ne 0 && $failed -eq 0) ]]; then
    echo "test.sh: a test run ended in error ($run_errors run error(s) outside the test counts); see the output above and TestResults/" >&2
    status=1
fi
if [[ $status -ne 0 ]]; then
    for log in "$RESULTS"/logs/*.log; do
        # What the server and the browser said went wrong: errors and warnings, with the lines that explain them.
        problems=$(grep -E -A 6 '(fail|crit|warn): |browser (error|warning)' "$log" | tail -n 80 || true)
        if [[ -n $problems ]]; then
            printf '%s\n%s\n' "--- problems logged in ${log#"$ROOT"/}" "$problems" >&2
        fi
    done
fi
if [[ $failed -gt 0 ]]; then
    # Last, so that a CI log cut to its tail still names what failed and why.
    echo "--- failed tests" >&2
    "$python" - "${trx[@]}" >&2 << 'PY'
import sys
import xml.etree.ElementTree as ET

for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iter():
        if not result.tag.endswith("UnitTestResult") or result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        message = next((e.text or "" for e in result.iter() if e.tag.endswith("Message")), "").strip().splitlines()
        print(f"{result.get('testName')}  [{path.split('/TestResults/')[-1]}]")
        for line in message[:4]:
            print(f"    {line[:300]}")
PY
fi
echo "test.sh: $(( SECONDS - STARTED )) s, results in TestResults/"
summary="$passed passed, $failed failed"
[[ $skipped -gt 0 ]] && summary+=", $skipped skipped"
echo "$summary"
exit $status
