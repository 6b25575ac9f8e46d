#!/usr/bin/env bash
# The benchmark (docs/performance.md): wrk on loopback against a bare Kestrel endpoint and the portal's pages, in one
# run, so that every figure can be read as a share of what Kestrel alone manages on this machine.
#
#   scripts/bench.sh [--quick] [--no-build] [--site URL]
#
#   --quick      smoke mode: about a second per endpoint with few connections (a test runs this)
#   --no-build   use the Release build that is there (make test has just built it)
#   --site URL   measure a portal that is already running (make run: http://localhost:5080) instead of starting one;
#                its database (for the benchmark's demo data) is ConnectionStrings__PortalOwner, or make run's
#
# Otherwise it starts its own: a PostgreSQL cluster in a temp dir on a free port (or, when PORTAL_TEST_PG is set,
# a database of its own on that server), the portal in Release with demo data, and the bare Kestrel endpoint
# (bench/BareKestrel). The demo applicant gets an organisation, a complete draft, a submitted application and empty
# drafts for the add-a-row posts (bench/BenchSeed).
#
# The reviewers' inbox is measured over BENCH_APPLICATIONS generated sent-in applications (BenchSeed --applications;
# default 10000, --quick 100; 0 generates none, e.g. against --site with a database filled beforehand), signed in as
# the demo reviewer with the second factor: the first page, page 41 (reached by following "next" 40 times, or the last page when there are fewer; keyset pages cost the same at
# any depth), filters, and a search.
# Generating is not measured; it adds to what is there, so against --site or a reused database the count grows.
#
# Environment: BENCH_APPLICATIONS (above), BENCH_THREADS, BENCH_CONNECTIONS, BENCH_DURATION (wrk's -t, -c, -d; defaults 2, 32, 15s, --quick 1, 4,
# 1s), BENCH_WARMUP (unrecorded seconds per endpoint first; 3, --quick 0), BENCH_DRAFTS (see below),
# BENCH_PG_OPTIONS (added to the portal's connection string, e.g. "Max Auto Prepare=20" to compare Npgsql settings),
# BENCH_CONFIGURATION (the build to run, Release), PORTAL_PG_TCP=1 (the database over TCP instead of its Unix socket),
# BENCH_ENCODING (Accept-Encoding; default br as browsers, empty for none), BENCH_PORTAL_ENV (NAME=VALUE words for the
# portal it starts, e.g. "Compression__Level=SmallestSize" to compare Brotli levels).
#
# The table has the average answer size (headers included, compressed as BENCH_ENCODING asks) in its last column.
#
# Prints one table (Markdown); exits 1 when an endpoint made no requests, had socket errors, answered anything but 2xx,
# or (a post) answered 2xx without doing what it was asked (a form error, a conflict: "refused" in the log).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$ROOT/scripts"
cd "$ROOT"

quick="" build=1 site=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build="" ;;
    --site) site=${2:?--site needs a URL}; shift ;;
    *) echo "usage: scripts/bench.sh [--quick] [--no-build] [--site URL]" >&2; exit 2 ;;
  esac
  shift
done
CONFIGURATION=${BENCH_CONFIGURATION:-Release}
# Accept-Encoding as a browser sends it (the portal compresses its answers); BENCH_ENCODING= (empty) measures without.
export BENCH_ENCODING=${BENCH_ENCODING-br}
# More settings for the portal it starts, as NAME=VALUE words (e.g. "Compression__Level=Optimal").
read -r -a PORTAL_ENV <<<"${BENCH_PORTAL_ENV:-}"
# wrk runs with --timeout 10s: on a busy machine a page can take over wrk's default 2 s, and that is a latency to
# report, not a socket error. WARMUP: seconds of unrecorded load per endpoint first, so that JIT and first-use caches
# are not measured.
if [[ -n "$quick" ]]; then
  THREADS=${BENCH_THREADS:-1} CONNECTIONS=${BENCH_CONNECTIONS:-4} DURATION=${BENCH_DURATION:-1s} WARMUP=${BENCH_WARMUP:-0}
  APPLICATIONS=${BENCH_APPLICATIONS:-100}
else
  THREADS=${BENCH_THREADS:-2} CONNECTIONS=${BENCH_CONNECTIONS:-32} DURATION=${BENCH_DURATION:-15s} WARMUP=${BENCH_WARMUP:-3}
  APPLICATIONS=${BENCH_APPLICATIONS:-10000}
fi

# shellcheck source=scripts/ensure-deps.sh
source "$SCRIPTS/ensure-deps.sh"
# shellcheck source=scripts/ports.sh
source "$SCRIPTS/ports.sh"
ensure_deps
ensure_wrk

TMP_DIR=$(mktemp -d -t portal-bench.XXXXXX)
chmod 755 "$TMP_DIR" # as root, the cluster runs as user postgres and must get in
started_pg="" shared_db="" app_pid="" bare_pid=""

stop_pid() {
  local pid=$1 _
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap '' INT TERM
  stop_pid "$app_pid"
  stop_pid "$bare_pid"
  if [[ -n "$shared_db" ]]; then
    "$PG_BIN/psql" -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres \
      -c "DROP DATABASE IF EXISTS \"$shared_db\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  [[ -z "$started_pg" ]] || "$SCRIPTS/pg.sh" stop "$TMP_DIR/pg" >/dev/null || true
  rm -rf "$TMP_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() { echo "bench: $*" >&2; }

# Polls URL until it answers (any status), for at most SECONDS.
wait_for() {
  local url=$1 seconds=$2 pid=${3:-} _
  for _ in $(seq 1 $((seconds * 4))); do
    curl -s -o /dev/null "$url" && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.25
  done
  return 1
}

if [[ -n "$build" ]]; then
  log "building ($CONFIGURATION)"
  dotnet build bench/BenchSeed -c "$CONFIGURATION" --nologo -v q >"$TMP_DIR/build.log" 2>&1 &&
    dotnet build bench/BareKestrel -c "$CONFIGURATION" --nologo -v q >>"$TMP_DIR/build.log" 2>&1 ||
    { cat "$TMP_DIR/build.log" >&2; exit 1; }
fi
out() { echo "$ROOT/$1/bin/$CONFIGURATION/net10.0/$(basename "$1").dll"; }
for dll in "$(out Portal)" "$(out bench/BenchSeed)" "$(out bench/BareKestrel)"; do
  [[ -f "$dll" ]] || { log "$dll is missing: build without --no-build"; exit 1; }
done

# The bare endpoint: same runtime, same loopback, no portal.
BARE_PORT=$(free_port 58100 58199)
dotnet "$(out bench/BareKestrel)" --urls "http://127.0.0.1:$BARE_PORT" >"$TMP_DIR/bare.log" 2>&1 &
bare_pid=$!

if [[ -n "$site" ]]; then
  SITE=${site%/}
  OWNER_DB=${ConnectionStrings__PortalOwner:-Host=127.0.0.1;Port=55432;Database=portal;Username=portal_owner}
else
  # A database of our own: on the tests' server when there is one, else in a throwaway cluster.
  if [[ -n "${PORTAL_TEST_PG:-}" ]]; then
    PG_HOST=$(sed -nE 's/.*Host=([^;]+).*/\1/p' <<<"$PORTAL_TEST_PG")
    PG_PORT=$(sed -nE 's/.*Port=([0-9]+).*/\1/p' <<<"$PORTAL_TEST_PG")
    [[ ( "$PG_HOST" =~ ^(127\.0\.0\.1|localhost)$ || "$PG_HOST" == /* ) && -n "$PG_PORT" ]] ||
      { log "PORTAL_TEST_PG must name Host=127.0.0.1 (or a socket directory) and a Port"; exit 1; }
    [[ "${PORTAL_PG_TCP:-}" != 1 ]] || PG_HOST=127.0.0.1 # the same server over TCP, to compare
    DB_NAME="portal_bench_$$"
    shared_db=$DB_NAME
  else
    PG_PORT=$(free_port 55500 55599)
    DB_NAME=portal
    started_pg=1
    "$SCRIPTS/pg.sh" start "$TMP_DIR/pg" "$PG_PORT" >&2
    PG_HOST=$("$SCRIPTS/pg.sh" host "$TMP_DIR/pg") # its Unix socket, as make run (PORTAL_PG_TCP=1: TCP)
  fi
  "$SCRIPTS/local-db.sh" "$PG_PORT" "$DB_NAME" >&2
  OWNER_DB="Host=$PG_HOST;Port=$PG_PORT;Database=$DB_NAME;Username=portal_owner"

  SITE_PORT=$(free_port 58200 58299)
  SITE="http://127.0.0.1:$SITE_PORT"
  # As make run (Release, Development, demo data), but mail goes nowhere: nothing listens on the SMTP port.
  log "starting the portal on $SITE"
  (cd Portal && exec env ConnectionStrings__Portal="Host=$PG_HOST;Port=$PG_PORT;Database=$DB_NAME;Username=portal_app${BENCH_PG_OPTIONS:+;$BENCH_PG_OPTIONS}" \
    ConnectionStrings__PortalOwner="$OWNER_DB" ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
    Smtp__Host=127.0.0.1 Smtp__Port="$(free_port 58300 58399)" Logging__LogLevel__Default=Warning "${PORTAL_ENV[@]}" \
    dotnet "$(out Portal)" --urls "$SITE" --seed-demo-data) >"$TMP_DIR/portal.log" 2>&1 &
  app_pid=$!
fi

wait_for "http://127.0.0.1:$BARE_PORT/" 30 "$bare_pid" || { cat "$TMP_DIR/bare.log" >&2; log "bare Kestrel did not start"; exit 1; }
wait_for "$SITE/" 90 "$app_pid" || { tail -n 40 "$TMP_DIR/portal.log" >&2; log "the portal did not start"; exit 1; }
log "the portal answers; seeding the applicant's organisation and applications"

# Each add-a-row post is a real insert. A draft takes at most 50 rows, and concurrent writes to one draft fail its
# optimistic concurrency check; so those posts cycle through empty drafts, each wrk thread through its own share:
# BENCH_DRAFTS of them (default 100 per second of the run, room for 4,000 adds a second; at least two per connection).
seconds=$(sed -E 's/s$//' <<<"$DURATION")
[[ "$seconds" =~ ^[0-9]+$ ]] || { log "BENCH_DURATION must be in seconds (e.g. 15s)"; exit 1; }
drafts=${BENCH_DRAFTS:-$((100 * (seconds + WARMUP) > 2 * CONNECTIONS ? 100 * (seconds + WARMUP) : 2 * CONNECTIONS))}
dotnet "$(out bench/BenchSeed)" "$OWNER_DB" "$drafts" >"$TMP_DIR/seeded" || { log "seeding failed"; exit 1; }
read -r draft_kv submitted_kv <"$TMP_DIR/seeded"
DRAFT=${draft_kv#draft=} SUBMITTED=${submitted_kv#submitted=}
ADD_PATHS=$(tail -n +2 "$TMP_DIR/seeded" | sed "s|.*|/applications/&/budget?handler=Add|" | tr '\n' ' ')

# Sign in as the demo applicant (password only; applicants have no second factor), like a browser: read the form
# for its antiforgery token, post it, keep the cookies.
JAR="$TMP_DIR/cookies"
token_of() { grep -oE 'name="__RequestVerificationToken" [^>]*value="[^"]+"' | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/'; }
hidden_of() { grep -oE "<input type=\"hidden\" name=\"$1\" value=\"[^\"]*\"" | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/'; }
token=$(curl -sf -c "$JAR" -b "$JAR" "$SITE/account/sign-in" | token_of)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "Input.Email=aanvrager@portal.example" --data-urlencode "Input.Password=Samen-doen-in-Nijmegen" \
  --data-urlencode "__RequestVerificationToken=$token" "$SITE/account/sign-in")
[[ "$status" == 302 ]] || { log "sign-in failed ($status)"; exit 1; }

# The question page gives the token of the signed-in user and the form's version and stored answer: an autosave
# that posts them back unchanged saves nothing (the "unchanged answer" case of the issue).
QUESTION="/applications/$DRAFT/activity/description"
page=$(curl -sf -c "$JAR" -b "$JAR" "$SITE$QUESTION")
TOKEN=$(token_of <<<"$page" | sed 's/&#x2B;/+/g; s/&#x2F;/\//g; s/&#x3D;/=/g')
version=$(hidden_of Version <<<"$page")
# Enough of HTML decoding for what Razor writes into the demo answer (no markup in it).
html_decode() { sed "s/&lt;/</g; s/&gt;/>/g; s/&quot;/\"/g; s/&#x27;/'/g; s/&#x2B;/+/g; s/&amp;/\\&/g"; }
original=$(hidden_of Original <<<"$page" | html_decode)
answer=$(sed -nE 's/.*<textarea[^>]*name="Input.Description"[^>]*>([^<]*)<\/textarea>.*/\1/p' <<<"$page" | head -n 1 | html_decode)
[[ -n "$TOKEN" && -n "$version" ]] || { log "the question page has no form token or version"; exit 1; }
# Every cookie of the jar (curl marks HttpOnly ones with a #HttpOnly_ prefix) as one Cookie header.
cookie_header() { awk -F '\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR"; }
# A browser takes the sign-in cookie the portal renews once a minute; wrk keeps sending the one it was given, which
# would make every request after the first minute a renewal. So each endpoint (run) starts with the browser's fresh cookie.
REFRESH_PATH=/applications
refresh_cookie() {
  curl -s -o /dev/null -c "$JAR" -b "$JAR" "$SITE$REFRESH_PATH" || true
  COOKIE=$(cookie_header)
}
# Form encoding, byte by byte (UTF-8 stays UTF-8).
urlencode() {
  local LC_ALL=C s=$1 i c out=""
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c"; out+=$c ;;
    esac
  done
  echo "$out"
}
AUTOSAVE_BODY="Input.Description=$(urlencode "$answer")&Version=$version&Original=$(urlencode "$original")"
ADD_BODY="Cost.Category=FoodAndDrink&Cost.Description=Boodschappen&Cost.Amount=12"

BARE_RPS=""
ms() { awk -v u="$1" 'BEGIN { printf "%.1f ms", u / 1000 }'; }
ROWS=() failures=0

# One request as wrk.lua would send it (same BENCH_* settings): the first request of a page pays for JIT and first-use
# caches, which can take longer than a whole --quick run on a busy machine.
warm() {
  local url=$1 headers=()
  shift
  (
    export "$@"
    [[ -z "${BENCH_PATHS:-}" ]] || url="${url%%/applications/*}${BENCH_PATHS%% *}"
    [[ -z "${BENCH_COOKIE:-}" ]] || headers+=(-H "Cookie: $BENCH_COOKIE")
    [[ -z "${BENCH_TOKEN:-}" ]] || headers+=(-H "RequestVerificationToken: $BENCH_TOKEN")
    [[ "${BENCH_HTMX:-}" != 1 ]] || headers+=(-H "HX-Request: true")
    if [[ "${BENCH_METHOD:-GET}" == POST ]]; then headers+=(-H "Sec-Fetch-Site: same-origin" --data "$BENCH_BODY"); fi
    curl -s -o /dev/null --max-time 60 "${headers[@]}" "$url" || true
  )
}

# run NAME URL [VAR=VALUE ...]: one wrk run (after the warm-up); appends a table row.
run() {
  local name=$1 url=$2 line requests seconds p50 p95 p99 non2xx errors refused bytes rps share size
  shift 2
  refresh_cookie
  warm "$url" BENCH_COOKIE="$COOKIE" "$@"
  if ((WARMUP > 0)); then
    env BENCH_THREADS="$THREADS" BENCH_COOKIE="$COOKIE" "$@" \
      wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -d"${WARMUP}s" -s bench/wrk.lua "$url" >/dev/null || true
  fi
  line=$(env BENCH_THREADS="$THREADS" BENCH_COOKIE="$COOKIE" "$@" \
    wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -d"$DURATION" -s bench/wrk.lua "$url" | grep '^BENCH ') ||
    { log "wrk failed on $name"; line="BENCH requests=0 seconds=1 p50=0 p95=0 p99=0 non2xx=0 errors=0 refused=0 bytes=0"; }
  eval "$(sed -E 's/^BENCH //' <<<"$line")" # requests=N seconds=S ...: numbers only, from our own wrk.lua
  rps=$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')
  [[ -n "$BARE_RPS" ]] || BARE_RPS=$rps
  share=$(awk -v r="$rps" -v b="$BARE_RPS" 'BEGIN { printf (b > 0 ? "%.1f %%" : "-"), 100 * r / b }')
  size=$(awk -v b="$bytes" -v r="$requests" 'BEGIN { printf (r > 0 ? "%.1f KB" : "-"), b / r / 1024 }')
  ROWS+=("| $name | $rps | $(ms "$p50") | $(ms "$p95") | $(ms "$p99") | $non2xx | $errors | $share | $size |")
  if ((requests == 0 || non2xx > 0 || errors > 0 || refused > 0)); then failures=$((failures + 1)); fi
  log "$name: $rps requests/s, p95 $(ms "$p95"), non-2xx $non2xx, socket errors $errors, refused $refused"
}

log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION against $SITE (bare Kestrel on port $BARE_PORT)"
app="/applications/$DRAFT"
load_start=$(cut -d ' ' -f 1-3 /proc/loadavg) # a shared machine: other work shows here
run "bare Kestrel (2 KB)" "http://127.0.0.1:$BARE_PORT/" BENCH_COOKIE=
run "home, anonymous" "$SITE/" BENCH_COOKIE=
run "catalogue /schemes, anonymous" "$SITE/schemes" BENCH_COOKIE=
run "scheme page, anonymous" "$SITE/schemes/samen-doen" BENCH_COOKIE=
run "task list" "$SITE$app"
run "activity question" "$SITE$QUESTION"
run "budget page" "$SITE$app/budget"
run "autosave POST (htmx, unchanged)" "$SITE$QUESTION?handler=Autosave" \
  BENCH_METHOD=POST BENCH_BODY="$AUTOSAVE_BODY" BENCH_TOKEN="$TOKEN" BENCH_HTMX=1 \
  BENCH_REFUSE='data-status-message' # an unchanged answer says nothing; "saved", an error or a conflict would

run "add a budget row POST (htmx)" "$SITE$app/budget?handler=Add" \
  BENCH_METHOD=POST BENCH_BODY="$ADD_BODY" BENCH_TOKEN="$TOKEN" BENCH_HTMX=1 BENCH_PATHS="$ADD_PATHS" \
  BENCH_REFUSE='class="error-summary"|id="Conflict"' # a full draft or a conflict adds nothing
run "check your answers" "$SITE$app/check"
run "status, submitted" "$SITE/applications/$SUBMITTED/status"

if ((APPLICATIONS > 0)); then
  log "generating $APPLICATIONS sent-in applications for the inbox (not measured)"
  dotnet "$(out bench/BenchSeed)" "$OWNER_DB" --applications "$APPLICATIONS" 2>"$TMP_DIR/generate.log" ||
    { tail -n 20 "$TMP_DIR/generate.log" >&2; log "generating failed"; exit 1; }
fi
# The demo reviewer signs in as a browser would: password, then the authenticator's code (its Development key).
JAR="$TMP_DIR/reviewer-cookies" REFRESH_PATH=/review
token=$(curl -sf -c "$JAR" -b "$JAR" "$SITE/account/sign-in" | token_of)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "Input.Email=reviewer@portal.example" --data-urlencode "Input.Password=Samen-doen-in-Nijmegen" \
  --data-urlencode "__RequestVerificationToken=$token" "$SITE/account/sign-in")
[[ "$status" == 302 ]] || { log "reviewer sign-in failed ($status)"; exit 1; }
token=$(curl -sf -c "$JAR" -b "$JAR" "$SITE/account/two-factor" | token_of)
code=$(dotnet "$(out bench/BenchSeed)" --totp REVIEWERDEMOKEY2REVIEWERDEMOKEY2)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "Input.Code=$code" --data-urlencode "__RequestVerificationToken=$token" "$SITE/account/two-factor")
[[ "$status" == 302 ]] || { log "reviewer second factor failed ($status)"; exit 1; }
# Page 41 of everyone's open applications, by its "next" links.
deep="/review?Assigned=Anyone"
for _ in $(seq 1 40); do
  next=$(curl -sf -b "$JAR" "$SITE$deep" | grep -oE 'href="/review\?[^"]*" rel="next"' | head -n 1 | sed -E 's/^href="([^"]*)".*/\1/; s/&amp;/\&/g') || true
  [[ -n "$next" ]] || break
  deep=$next
done
# Reviewers are municipal staff, a handful at a time: besides the table's connections the inbox is measured with
# BENCH_INBOX_CONNECTIONS (default 4; not in --quick, which has 4 already).
inbox_connections=("$CONNECTIONS")
[[ -n "$quick" ]] || inbox_connections+=("${BENCH_INBOX_CONNECTIONS:-4}")
for connections in "${inbox_connections[@]}"; do
  at=" ($connections connections)"
  CONNECTIONS=$connections run "inbox, first page$at" "$SITE/review?Assigned=Anyone"
  CONNECTIONS=$connections run "inbox, page 41$at" "$SITE$deep"
  CONNECTIONS=$connections run "inbox, filters (scheme, district, first time)$at" "$SITE/review?Assigned=Anyone&Scheme=1&District=Zuid&FirstTime=true"
  CONNECTIONS=$connections run "inbox, search (organisation name)$at" "$SITE/review?Assigned=Anyone&Search=Hatert"
done

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up ${WARMUP}s), Accept-Encoding: ${BENCH_ENCODING:-none}, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'),"\
  "load average $load_start before, $(cut -d ' ' -f 1-3 /proc/loadavg) after"
echo
echo "| endpoint | requests/s | p50 | p95 | p99 | non-2xx | socket errors | share of bare Kestrel | answer size |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"

if ((failures > 0)); then
  log "$failures endpoint(s) made no requests or had non-2xx answers, socket errors or refusals"
  exit 1
fi
