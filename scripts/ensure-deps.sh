#!/usr/bin/env bash
# Installs whatever is missing on a fresh Debian 12 machine that only has the
# .NET SDK, node/npm and make. Safe to run repeatedly: every step checks first.
#
# Sourced by run.sh / test.sh (which then call ensure_deps [--chromium]);
# can also be executed directly: scripts/ensure-deps.sh [--chromium]
# Afterwards PG_BIN points at the newest PostgreSQL bin directory.

_DEPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_APT_UPDATED=""

# Newest /usr/lib/postgresql/<version>/bin, or nothing.
pg_bin_dir() {
  local d
  d=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$d" && -x "$d/initdb" ]] && echo "$d"
}

# apt needs root; use sudo only when we are not root already.
_apt() {
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  # Lock::Timeout: wait for a concurrent apt/dpkg run instead of failing.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 "$@"
}

# Install Debian packages; apt-get update runs at most once per script run.
apt_install() {
  if [[ -z "$_APT_UPDATED" ]]; then
    # Lock::Timeout does not cover the package-lists lock of "update", so
    # retry for a while in case another apt run (e.g. at boot) holds it.
    local try
    for try in $(seq 1 30); do
      _apt update -q && break
      [[ $try -lt 30 ]] || return 1
      echo "apt-get update failed (apt busy?), retrying in 10 s" >&2
      sleep 10
    done
    _APT_UPDATED=1
  fi
  _apt install -y -q "$@"
}

ensure_postgres() {
  if [[ -z "$(pg_bin_dir)" ]]; then
    echo "==> Installing PostgreSQL (server binaries only are used; any system cluster on 5432 is ignored)"
    apt_install postgresql
  fi
  PG_BIN="$(pg_bin_dir)" || { echo "ensure-deps: no /usr/lib/postgresql/*/bin/initdb" >&2; return 1; }
  export PG_BIN
}

# Only the browser tests need this, so run.sh skips it.
ensure_chromium() {
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "==> Installing Chromium"
    apt_install chromium fonts-noto-core
  fi
}

# The HTTP load generator of scripts/bench.sh (and of its smoke test in make test).
ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "==> Installing wrk (HTTP benchmarking)"
    apt_install wrk
  fi
}

# The HTML checker of the browser tests (vnu.jar from npm) runs on Java 11 or later. Installed before
# npm ci, so that vnu-jar's install script (where npm runs it) finds this Java and downloads none.
ensure_java() {
  if ! command -v java >/dev/null; then
    echo "==> Installing a Java runtime (for the Nu Html Checker)"
    apt_install default-jre-headless
  fi
}

# htmx (served from wwwroot), MailDev and vnu-jar (the Nu Html Checker) come from npm. node_modules/.package-lock.json
# is written by npm on install, so it is older than package-lock.json when stale.
ensure_npm() {
  local lock="$_DEPS_ROOT/package-lock.json" stamp="$_DEPS_ROOT/node_modules/.package-lock.json"
  if [[ ! -d "$_DEPS_ROOT/node_modules" || ! -f "$stamp" || "$lock" -nt "$stamp" ]]; then
    echo "==> npm ci"
    (cd "$_DEPS_ROOT" && npm ci --no-audit --no-fund)
  fi
}

# ensure_deps [--chromium]: --chromium for the browser tests (Chromium, and Java for their HTML checker)
ensure_deps() {
  ensure_postgres
  if [[ "${1:-}" == "--chromium" ]]; then ensure_chromium; ensure_java; fi
  ensure_npm
}

# Executed rather than sourced: do the work now.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  ensure_deps "$@"
  echo "PG_BIN=$PG_BIN"
fi
