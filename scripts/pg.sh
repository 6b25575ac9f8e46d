#!/usr/bin/env bash
# Private PostgreSQL clusters for development and tests (never the system one).
#
#   scripts/pg.sh start  DATADIR PORT   init (first time) + start, idempotent
#   scripts/pg.sh stop   DATADIR        fast shutdown if running
#   scripts/pg.sh status DATADIR        exit 0 when running, 3 otherwise
#   scripts/pg.sh host   DATADIR        the Host= for a connection string: the
#                                       socket directory, or 127.0.0.1 when
#                                       PORTAL_PG_TCP=1 (or the path is too long
#                                       for a Unix socket address)
#
# The server listens on 127.0.0.1:PORT only; its unix socket lives in
# DATADIR/socket and its log in DATADIR/log/server.log. Auth is "trust" as
# user postgres: these clusters hold throwaway/demo data only.
set -euo pipefail

die() { echo "pg.sh: $*" >&2; exit 1; }

if [[ -z "${PG_BIN:-}" ]]; then
  PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
fi
[[ -n "$PG_BIN" && -x "$PG_BIN/initdb" ]] || die "PostgreSQL binaries not found (run scripts/ensure-deps.sh)"

is_root() { [[ $(id -u) -eq 0 ]]; }

# initdb/postgres refuse to run as root, so as root everything runs as the
# "postgres" user (created by Debian's package). "cd /" avoids warnings when
# postgres cannot read the caller's working directory.
as_pg() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Running = postmaster.pid names a live process whose cwd is this DATADIR
# (the postmaster chdirs there). A pid file left by a crash or reboot, whose
# pid may even have been reused by an unrelated process, does not count.
is_running() {
  local dir=$1 pid
  [[ -f "$dir/postmaster.pid" ]] || return 1
  pid=$(head -n 1 "$dir/postmaster.pid")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$dir" ]]
}

# Create DATADIR with the right owner, and make sure the server's user can
# reach it: every parent directory must be traversable (x) by that user.
prepare_dir() {
  local dir=$1 parent path="" part parts
  parent=$(dirname "$dir")
  # umask 022: a new parent (e.g. .data) must be traversable by postgres.
  [[ -d "$parent" ]] || (umask 022 && mkdir -p "$parent")
  mkdir -p "$dir"
  if is_root; then
    chown postgres:postgres "$dir"
  fi
  chmod 700 "$dir"

  IFS=/ read -ra parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    path="$path/$part"
    as_pg test -x "$path" ||
      die "the database user ($(as_pg id -un)) cannot traverse '$path'; run 'chmod o+x $path' or use another data directory"
  done
  as_pg test -w "$dir" || die "'$dir' is not writable by the database user"
}

cmd_start() {
  local dir port locale=C
  [[ $# -eq 2 ]] || die "usage: pg.sh start DATADIR PORT"
  dir=$(realpath -m "$1")
  port=$2
  [[ "$dir" != *"'"* ]] || die "data directory must not contain a single quote"

  if is_running "$dir"; then
    local running_port
    running_port=$(sed -n 4p "$dir/postmaster.pid")
    [[ "$running_port" == "$port" ]] ||
      die "cluster $dir is already running on port $running_port, not $port"
    echo "PostgreSQL already running ($dir, port $port)"
  else
    # Left behind by a crash; a not-yet-reaped dead postmaster would still
    # make postgres refuse to start. The socket directory is ours alone.
    if [[ -f "$dir/postmaster.pid" ]]; then
      echo "Removing stale $dir/postmaster.pid"
      rm -f "$dir/postmaster.pid" "$dir"/socket/.s.PGSQL.*
    fi
    prepare_dir "$dir"
    if [[ ! -f "$dir/PG_VERSION" ]]; then
      # Prefer UTF-8 collation; minimal systems may only have plain C.
      if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
      echo "Initialising PostgreSQL cluster in $dir"
      as_pg "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust \
        --encoding=UTF8 --locale="$locale" >/dev/null
    fi
    as_pg mkdir -p "$dir/socket" "$dir/log"
    echo "Starting PostgreSQL on 127.0.0.1:$port ($dir)"
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/log/server.log" -w -t 60 \
      -o "-p $port -h 127.0.0.1 -k '$dir/socket'" start >/dev/null ||
      die "PostgreSQL failed to start; see $dir/log/server.log"
  fi

  # pg_ctl -w already waited; double-check the TCP listener clients will use.
  for _ in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && return 0
    sleep 0.5
  done
  die "PostgreSQL on port $port is not accepting connections; see $dir/log/server.log"
}

cmd_stop() {
  local dir
  [[ $# -eq 1 ]] || die "usage: pg.sh stop DATADIR"
  dir=$(realpath -m "$1")
  if is_running "$dir"; then
    echo "Stopping PostgreSQL ($dir)"
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
  fi
}

cmd_status() {
  [[ $# -eq 1 ]] || die "usage: pg.sh status DATADIR"
  is_running "$(realpath -m "$1")" || exit 3
}

# The socket keeps queries off the loopback TCP stack; measured, it made no
# difference beyond noise on the 2-core machine (docs/performance.md).
# Its address ("DIR/.s.PGSQL.PORT") must fit in 107 bytes.
cmd_host() {
  [[ $# -eq 1 ]] || die "usage: pg.sh host DATADIR"
  local socket_dir
  socket_dir="$(realpath -m "$1")/socket"
  if [[ "${PORTAL_PG_TCP:-}" == 1 || ${#socket_dir} -gt 90 ]]; then
    echo 127.0.0.1
  else
    echo "$socket_dir"
  fi
}

case "${1:-}" in
  start | stop | status | host) cmd="cmd_$1"; shift; "$cmd" "$@" ;;
  *) die "usage: pg.sh start DATADIR PORT | stop DATADIR | status DATADIR | host DATADIR" ;;
esac
