#!/usr/bin/env bash
# MailDev: a local SMTP server plus web inbox, so mail sent by the app in
# development and tests never leaves the machine.
#
#   scripts/maildev.sh start SMTPPORT WEBPORT STATEDIR
#   scripts/maildev.sh stop  STATEDIR
#
# STATEDIR holds maildev.pid, maildev.log and the received mails (mail/);
# without --mail-directory MailDev would leave /tmp/maildev-<pid> behind.
# Both listeners bind to 127.0.0.1 only. "start" returns once the web API
# answers, so callers can use it immediately.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAILDEV="$ROOT/node_modules/.bin/maildev"

die() { echo "maildev.sh: $*" >&2; exit 1; }

cmd_start() {
  [[ $# -eq 3 ]] || die "usage: maildev.sh start SMTPPORT WEBPORT STATEDIR"
  local smtp=$1 web=$2 state=$3 pid
  local pidfile=$3/maildev.pid log=$3/maildev.log
  [[ -x "$MAILDEV" ]] || die "$MAILDEV missing (run scripts/ensure-deps.sh)"
  mkdir -p "$state/mail"

  # Output goes to the log: the process outlives this script and must not
  # hold on to our stdout (callers may be reading it through a pipe).
  "$MAILDEV" --ip 127.0.0.1 --smtp "$smtp" --web "$web" --web-ip 127.0.0.1 \
    --mail-directory "$state/mail" </dev/null >"$log" 2>&1 &
  pid=$!
  echo "$pid" >"$pidfile"

  for _ in $(seq 1 40); do
    if curl -sf -o /dev/null "http://127.0.0.1:$web/email"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      die "MailDev exited during startup (ports $smtp/$web in use?); log: $log"
    fi
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  die "MailDev did not answer on http://127.0.0.1:$web within 20 s; log: $log"
}

cmd_stop() {
  [[ $# -eq 1 ]] || die "usage: maildev.sh stop STATEDIR"
  local pidfile=$1/maildev.pid pid
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  # Only signal the pid if it is still our node process (pids get reused).
  if [[ "$pid" =~ ^[0-9]+$ ]] && grep -q maildev "/proc/$pid/cmdline" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start | stop) cmd="cmd_$1"; shift; "$cmd" "$@" ;;
  *) die "usage: maildev.sh start SMTPPORT WEBPORT STATEDIR | stop STATEDIR" ;;
esac
