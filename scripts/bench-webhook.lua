-- wrk script for scripts/bench-webhook: replays pre-signed Twilio webhook
-- requests (one line per request: form body, a tab, X-Twilio-Signature), each
-- request once, in order. Usage: wrk ... -s bench-webhook.lua -- FILE
local requests = {}
local next_index = 0

function init(args)
  for line in io.lines(args[1]) do
    local body, signature = line:match("^(.-)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", "/api/v1/twilio/webhook", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Twilio-Signature"] = signature,
    }, body)
  end
end

function request()
  next_index = next_index + 1
  if next_index > #requests then next_index = 1 end -- only if the run outlasts the file (reported after)
  return requests[next_index]
end
