# Free TCP ports on 127.0.0.1, for scripts that start services of their own beside a running "make run".
# Sourced by test.sh and bench.sh.

port_busy() {
  if command -v ss >/dev/null; then
    ss -Hltn "sport = :$1" | grep -q .
  else
    (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# First port in FROM..TO that nothing listens on.
free_port() {
  local port
  for ((port = $1; port <= $2; port++)); do
    port_busy "$port" || { echo "$port"; return 0; }
  done
  echo "no free port in $1-$2" >&2
  return 1
}
