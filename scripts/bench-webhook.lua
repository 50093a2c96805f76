-- wrk script for scripts/bench-webhook: replays pre-signed Twilio webhook
-- requests (one line per request: form body, a tab, X-Twilio-Signature).
-- Each wrk thread takes every THREADS-th line from its own offset, so no
-- request (MessageSid) is sent twice. Usage: wrk -tTHREADS ... -s bench-webhook.lua -- FILE THREADS
local threads_made = 0

function setup(thread)
  thread:set("thread_index", threads_made)
  threads_made = threads_made + 1
end

local requests = {}
local next_index = 0

function init(args)
  local threads = tonumber(args[2] or "1")
  local index = thread_index or 0
  local n = 0
  for line in io.lines(args[1]) do
    if n % threads == index then
      local body, signature = line:match("^(.-)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", "/api/v1/twilio/webhook", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["X-Twilio-Signature"] = signature,
      }, body)
    end
    n = n + 1
  end
end

function request()
  next_index = next_index + 1
  if next_index > #requests then next_index = 1 end -- only if the run outlasts the file (reported after)
  return requests[next_index]
end
