-- Appends a job to the ready list unless a job of the same type with an equal payload already waits, in the ready
-- list or in the delayed set. Atomic, so two processes enqueueing the same work at once leave one job. Jobs being
-- processed do not count: their work may have started before whatever made the caller enqueue again.
-- KEYS[1] ready list, KEYS[2] delayed ZSET
-- ARGV[1] the new job, ARGV[2] its type, ARGV[3] its payload (a JSON object)
-- Returns 1 when the job was appended, 0 when an equal one was already waiting.
local function equal(a, b)
  if type(a) ~= 'table' or type(b) ~= 'table' then
    return a == b
  end
  for key, value in pairs(a) do
    if not equal(value, b[key]) then
      return false
    end
  end
  for key in pairs(b) do
    if a[key] == nil then
      return false
    end
  end
  return true
end

local payload = cjson.decode(ARGV[3])

local function same_work(raw)
  local ok, job = pcall(cjson.decode, raw)
  return ok and type(job) == 'table' and job.type == ARGV[2] and equal(job.payload, payload)
end

local function any_same_work(jobs)
  for _, raw in ipairs(jobs) do
    if same_work(raw) then
      return true
    end
  end
  return false
end

if any_same_work(redis.call('LRANGE', KEYS[1], 0, -1)) or any_same_work(redis.call('ZRANGE', KEYS[2], 0, -1)) then
  return 0
end
redis.call('RPUSH', KEYS[1], ARGV[1])
return 1
