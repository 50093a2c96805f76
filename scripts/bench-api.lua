-- wrk script for scripts/bench-api: replays prepared API requests, one per
-- line: METHOD, a tab, the path, a tab, a JSON body (may be empty). Every
-- request carries the bearer token. Each wrk thread takes every THREADS-th
-- line from its own offset, so no request is sent twice (a booking books a
-- distinct free slot). Usage: wrk -tTHREADS ... -s bench-api.lua -- FILE THREADS TOKEN
local threads_made = 0

function setup(thread)
  thread:set("thread_index", threads_made)
  threads_made = threads_made + 1
end

local requests = {}
local next_index = 0

function init(args)
  local threads = tonumber(args[2] or "1")
  local token = args[3]
  local index = thread_index or 0
  local n = 0
  for line in io.lines(args[1]) do
    if n % threads == index then
      local method, path, body = line:match("^(%u+)\t([^\t]*)\t(.*)$")
      local headers = { ["Authorization"] = "Bearer " .. token }
      if body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
      requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
    n = n + 1
  end
end

function request()
  next_index = next_index + 1
  if next_index > #requests then next_index = 1 end -- only if the run outlasts the file (reported after)
  return requests[next_index]
end

-- BENCH_SHOW_REFUSALS=1: print the first few answers that are not 2xx (status and
-- body) to stderr, to see what they were; off by default (wrk then skips the bodies).
if os.getenv("BENCH_SHOW_REFUSALS") then
  local shown = 0
  function response(status, headers, body)
    if status >= 300 and shown < 5 then
      shown = shown + 1
      io.stderr:write(string.format("not 2xx: %d %s\n", status, body or ""))
    end
  end
end
