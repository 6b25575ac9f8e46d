#!/usr/bin/env bash
# make test: build the solution, then run Portal.Tests and Portal.E2E against
# throwaway services (a fresh PostgreSQL cluster in a temp dir and MailDev) on
# free ports of their own, so a running "make run" is left undisturbed.
#
# Environment for the tests:
#   PORTAL_TEST_PG           server connection string of a superuser, no database (tests create their own
#                            databases, owned by the role portal_owner, and the roles portal_owner/portal_app)
#   PORTAL_TEST_SMTP_PORT    MailDev SMTP port on 127.0.0.1
#   PORTAL_TEST_MAILDEV_URL  MailDev web/API base URL
#   PORTAL_TEST_CHROMIUM     browser for the E2E tests
# Options: TEST_FILTER=<dotnet test filter>; CI=true prints every test result.
# The last line of output is always "Tests: N passed, M failed[, K skipped]".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$ROOT/scripts"
cd "$ROOT"

# shellcheck source=scripts/ensure-deps.sh
source "$SCRIPTS/ensure-deps.sh"
ensure_deps --chromium
ensure_wrk # the benchmark's smoke test (BenchmarkScriptTests) runs scripts/bench.sh --quick

TMP_DIR=$(mktemp -d -t portal-test.XXXXXX)
chmod 755 "$TMP_DIR" # as root, the cluster runs as user postgres and must get in
LOG="$TMP_DIR/test.log"
summary=""

cleanup() {
  local rc=$?
  trap '' INT TERM
  "$SCRIPTS/maildev.sh" stop "$TMP_DIR/maildev" >/dev/null 2>&1 || true
  "$SCRIPTS/pg.sh" stop "$TMP_DIR/pg" >/dev/null || true
  rm -rf "$TMP_DIR"
  echo "${summary:-Tests: 0 passed, 0 failed}" # always the very last line
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=scripts/ports.sh
source "$SCRIPTS/ports.sh"

# Ranges avoid make run's ports (55432, SMTP 1025, web 1080).
PG_PORT=$(free_port 55433 55499)
MAIL_SMTP=$(free_port 1026 1079)
MAIL_WEB=$(free_port 1081 1099)

"$SCRIPTS/pg.sh" start "$TMP_DIR/pg" "$PG_PORT"
"$SCRIPTS/maildev.sh" start "$MAIL_SMTP" "$MAIL_WEB" "$TMP_DIR/maildev"

# The tests talk to PostgreSQL as the portal does, over its Unix socket (PORTAL_PG_TCP=1: over TCP).
export PORTAL_TEST_PG="Host=$("$SCRIPTS/pg.sh" host "$TMP_DIR/pg");Port=$PG_PORT;Username=postgres"
export PORTAL_TEST_SMTP_PORT="$MAIL_SMTP"
export PORTAL_TEST_MAILDEV_URL="http://127.0.0.1:$MAIL_WEB"
export PORTAL_TEST_CHROMIUM=/usr/bin/chromium
echo "PostgreSQL on port $PG_PORT ($PORTAL_TEST_PG), MailDev SMTP $MAIL_SMTP / web $MAIL_WEB"

# --disable-build-servers: no compiler/MSBuild servers outliving the run
# (they could also keep a CI job's output pipe open).
if ! dotnet build Portal.sln -c Release --disable-build-servers; then
  echo "Build failed" >&2
  exit 1
fi

test_args=(-c Release --no-build --disable-build-servers)
if [[ -n "${TEST_FILTER:-}" ]]; then test_args+=(--filter "$TEST_FILTER"); fi
# Without a terminal (CI) list every test, so failures are easy to find.
if [[ "${CI:-}" == true ]]; then test_args+=(--logger "console;verbosity=normal"); fi

# Run both suites even if the first fails; pipefail yields dotnet's status.
rc_unit=0
dotnet test Portal.Tests/Portal.Tests.csproj "${test_args[@]}" 2>&1 | tee -a "$LOG" || rc_unit=$?
rc_e2e=0
dotnet test Portal.E2E/Portal.E2E.csproj "${test_args[@]}" 2>&1 | tee -a "$LOG" || rc_e2e=$?

# Sum the per-project summaries. Default console verbosity prints
#   "Failed!  - Failed:     1, Passed:    41, Skipped:     0, Total:    42, ..."
# while verbosity=normal prints lines "Total tests: 42" / "Passed: 41" / "Failed: 1".
read -r passed failed skipped < <(sed 's/\x1b\[[0-9;]*m//g' "$LOG" | awk '
  /^ *(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i < NF; i++) {
      v = $(i + 1); sub(/,$/, "", v)
      if ($i == "Passed:") p += v; else if ($i == "Failed:") f += v; else if ($i == "Skipped:") s += v
    }
    next
  }
  /^ *(Passed|Failed|Skipped): +[0-9]+ *$/ {
    if ($1 == "Passed:") p += $2; else if ($1 == "Failed:") f += $2; else s += $2
  }
  END { print p + 0, f + 0, s + 0 }')

summary="Tests: $passed passed, $failed failed"
if ((skipped > 0)); then summary+=", $skipped skipped"; fi

if ((rc_unit != 0 || rc_e2e != 0 || failed > 0)); then
  echo "Test run failed (Portal.Tests exit $rc_unit, Portal.E2E exit $rc_e2e)" >&2
  exit 1
fi
if ((passed + failed == 0)); then
  echo "No tests ran${TEST_FILTER:+ (TEST_FILTER=$TEST_FILTER)}" >&2
  exit 1
fi
