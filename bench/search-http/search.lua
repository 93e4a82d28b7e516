-- wrk script: cycles through the search URLs in $TC_URLS (one path a line, written by
-- LoadCatalog urls), each thread from its own offset; sends $TC_TOKEN as a bearer token when set.
-- Counts non-200 answers so that the summary can say whether any search failed.
local urls = {}
for line in io.lines(os.getenv("TC_URLS")) do
  urls[#urls + 1] = line
end
local token = os.getenv("TC_TOKEN")
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 997)
  table.insert(threads, thread)
end

function init(args)
  i = offset
  failed = 0
  if token ~= nil and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function request()
  i = i + 1
  return wrk.format("GET", urls[(i % #urls) + 1])
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do
    failures = failures + thread:get("failed")
  end
  io.write(string.format("non-200 answers: %d of %d; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
    failures, summary.requests, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000))
end
