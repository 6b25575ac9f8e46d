-- wrk script of scripts/bench.sh: one endpoint, GET or POST, and one machine-readable result line.
-- Configured through the environment (wrk passes no arguments to setup or done):
--   BENCH_METHOD   GET (default) or POST
--   BENCH_BODY     form body of a POST (application/x-www-form-urlencoded)
--   BENCH_COOKIE   Cookie header (sign-in and antiforgery cookies)
--   BENCH_TOKEN    antiforgery request token, sent as the RequestVerificationToken header (as htmx does here)
--   BENCH_HTMX     1: an htmx request (HX-Request: true)
--   BENCH_ENCODING Accept-Encoding header (e.g. "br" as browsers send it); none when empty
--   BENCH_PATHS    space-separated paths to cycle through instead of the URL's path; each thread takes its own
--                  share (BENCH_THREADS threads), so no two threads write to the same path
--   BENCH_REFUSE   |-separated plain texts: a 2xx answer whose body holds one of them did not do what was asked
--                  (e.g. a form error or an edit conflict in a 200 fragment) and counts as refused
-- done() prints: BENCH requests=N seconds=S p50=US p95=US p99=US non2xx=N errors=N refused=N bytes=N (latencies in
-- microseconds; bytes read in all, headers included).
-- wrk counts only statuses >= 400 as errors; a redirect (e.g. to sign-in) must fail the run too, hence response().

local getenv = os.getenv
wrk.method = getenv("BENCH_METHOD") or "GET"
if (getenv("BENCH_BODY") or "") ~= "" then
  wrk.body = getenv("BENCH_BODY")
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
if (getenv("BENCH_COOKIE") or "") ~= "" then wrk.headers["Cookie"] = getenv("BENCH_COOKIE") end
if (getenv("BENCH_TOKEN") or "") ~= "" then wrk.headers["RequestVerificationToken"] = getenv("BENCH_TOKEN") end
if getenv("BENCH_HTMX") == "1" then wrk.headers["HX-Request"] = "true" end
if (getenv("BENCH_ENCODING") or "") ~= "" then wrk.headers["Accept-Encoding"] = getenv("BENCH_ENCODING") end
if wrk.method == "POST" then wrk.headers["Sec-Fetch-Site"] = "same-origin" end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local paths = {}
local next_path = 1

local refuse = {}
for text in string.gmatch(getenv("BENCH_REFUSE") or "", "[^|]+") do table.insert(refuse, text) end

function init(args)
  non2xx = 0
  refused = 0
  local all = {}
  for path in string.gmatch(getenv("BENCH_PATHS") or "", "%S+") do table.insert(all, path) end
  local count = tonumber(getenv("BENCH_THREADS") or "1")
  for i, path in ipairs(all) do
    if (i - 1) % count == index then table.insert(paths, path) end
  end
end

function request()
  if #paths == 0 then return wrk.format() end
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format(nil, path)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    return
  end
  for _, text in ipairs(refuse) do
    if body and string.find(body, text, 1, true) then
      refused = refused + 1
      return
    end
  end
end

function done(summary, latency, requests)
  local bad, no = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
    no = no + (thread:get("refused") or 0)
  end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d seconds=%.3f p50=%d p95=%d p99=%d non2xx=%d errors=%d refused=%d bytes=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    bad, e.connect + e.read + e.write + e.timeout, no, summary.bytes))
end
