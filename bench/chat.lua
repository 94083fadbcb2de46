-- wrk script for the quantai gateway benchmark.
--   wrk -t2 -c64 -d15s -s bench/chat.lua http://127.0.0.1:9102/v1/chat/completions
-- Env: BENCH_KEY (bearer token, default "sk-mock").
-- done() prints one machine-readable line:
--   RESULT rps=... p50_ms=... p90_ms=... p99_ms=... p999_ms=... mean_ms=... max_ms=... non2xx=... errors=... requests=... duration_s=...

local key = os.getenv("BENCH_KEY")
if key == nil or key == "" then key = "sk-mock" end

wrk.method = "POST"
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Summarise the backtest of SMA(10,30) on AAPL."}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

-- Count non-2xx per thread. response() makes wrk parse bodies; negligible for
-- these small JSON replies. Threads are separate Lua states, so the counts are
-- collected in setup()/done() via thread:get().
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  local sockerr = e.connect + e.read + e.write + e.timeout
  local function ms(us) return us / 1000.0 end
  io.write(string.format(
    "RESULT rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f mean_ms=%.3f max_ms=%.3f non2xx=%d errors=%d requests=%d duration_s=%.2f\n",
    summary.requests / secs,
    ms(latency:percentile(50)), ms(latency:percentile(90)),
    ms(latency:percentile(99)), ms(latency:percentile(99.9)),
    ms(latency.mean), ms(latency.max),
    bad, sockerr, summary.requests, secs))
end
