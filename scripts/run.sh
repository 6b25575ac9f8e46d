#!/usr/bin/env bash
# make run: the site on http://localhost:5080 with demo data.
# Unless configured otherwise through the environment, it also brings up
#   - a project-local PostgreSQL cluster in .data/pg on 127.0.0.1:55432 with the database portal,
#     owned by the role portal_owner (migrations) and used by the role portal_app (the site)
#     (skipped when ConnectionStrings__Portal is set), and
#   - a MailDev inbox: SMTP 127.0.0.1:1025, web http://localhost:1080
#     (skipped when Smtp__Host is set).
# Ctrl-C stops the app and everything this script started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$ROOT/scripts"
cd "$ROOT"

PG_DIR="$ROOT/.data/pg"
PG_PORT=55432
MAIL_DIR="$ROOT/.data/maildev"
MAIL_SMTP=1025
MAIL_WEB=1080
SITE_URL=http://localhost:5080

# shellcheck source=scripts/ensure-deps.sh
source "$SCRIPTS/ensure-deps.sh"
ensure_deps # no Chromium: only the browser tests need it

# Remember what we started, so cleanup stops exactly that and nothing else
# (e.g. not a cluster a previous, killed run left behind and we reused).
started_pg=""
started_maildev=""
app_pid=""

# True while any of the given pids is a live process. Zombies don't count:
# an exited "dotnet run" stays a zombie until we reap it with wait.
any_alive() {
  local pid
  for pid in "$@"; do
    [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" =~ ^[^Z] ]] && return 0
  done
  return 1
}

# "dotnet run" forwards SIGTERM to the app, which then shuts down gracefully.
# Its children are collected first so that anything still alive after the
# grace period (e.g. a hung app) can be killed instead of being orphaned.
stop_app() {
  if [[ -z "$app_pid" ]] || ! any_alive "$app_pid"; then return 0; fi
  local pids _
  read -ra pids <<<"$app_pid $(pgrep -P "$app_pid" | tr '\n' ' ')"
  echo "Stopping the app"
  kill -TERM "$app_pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    any_alive "${pids[@]}" || break
    sleep 0.5
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap '' INT TERM # a second Ctrl-C must not interrupt the cleanup
  stop_app
  [[ -z "$started_maildev" ]] || "$SCRIPTS/maildev.sh" stop "$MAIL_DIR"
  [[ -z "$started_pg" ]] || "$SCRIPTS/pg.sh" stop "$PG_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${ConnectionStrings__Portal:-}" ]]; then
  # As root the cluster runs as user postgres, which must be able to enter .data.
  mkdir -p .data && chmod 755 .data
  "$SCRIPTS/pg.sh" status "$PG_DIR" || started_pg=1
  "$SCRIPTS/pg.sh" start "$PG_DIR" "$PG_PORT"
  # Two roles as in production: the owner migrates, the portal runs as portal_app (see scripts/local-db.sh).
  "$SCRIPTS/local-db.sh" "$PG_PORT"
  # Over the cluster's Unix socket: no TCP stack on every query (docs/performance.md). PORTAL_PG_TCP=1 uses TCP.
  pg_host=$("$SCRIPTS/pg.sh" host "$PG_DIR")
  export ConnectionStrings__Portal="Host=$pg_host;Port=$PG_PORT;Database=portal;Username=portal_app"
  export ConnectionStrings__PortalOwner="Host=$pg_host;Port=$PG_PORT;Database=portal;Username=portal_owner"
fi

if [[ -z "${Smtp__Host:-}" ]]; then
  if curl -sf -o /dev/null "http://127.0.0.1:$MAIL_WEB/email"; then
    echo "MailDev already running on port $MAIL_WEB; using it"
  else
    started_maildev=1
    "$SCRIPTS/maildev.sh" start "$MAIL_SMTP" "$MAIL_WEB" "$MAIL_DIR"
  fi
  export Smtp__Host=127.0.0.1 Smtp__Port="$MAIL_SMTP"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

echo
echo "  Site:   $SITE_URL  (once the build has finished)"
[[ "$Smtp__Host:${Smtp__Port:-}" != "127.0.0.1:$MAIL_SMTP" ]] ||
  echo "  Inbox:  http://localhost:$MAIL_WEB"
echo "  Ctrl-C stops everything."
echo

# Started in the background and awaited: bash runs traps only between
# commands, so with a foreground child a SIGTERM to this script would wait for
# the app to exit by itself. ("wait" returns as soon as a signal arrives.)
dotnet run --project Portal -c Release --urls "$SITE_URL" -- --seed-demo-data &
app_pid=$!
wait "$app_pid" # the app's exit status becomes ours (set -e + EXIT trap)
