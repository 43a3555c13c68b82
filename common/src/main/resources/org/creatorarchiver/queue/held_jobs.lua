-- Every job a queue holds, read in one atomic step so that a job moving between keys meanwhile (taken, retried,
-- promoted, handed back, dead-lettered) is seen exactly once.
-- KEYS[1] ready list, KEYS[2] delayed ZSET, KEYS[3] dead list, KEYS[4..] the processing lists found by SCAN
-- Returns the raw jobs, in that order of keys.
local jobs = redis.call('LRANGE', KEYS[1], 0, -1)
for _, raw in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  jobs[#jobs + 1] = raw
end
for _, raw in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
  jobs[#jobs + 1] = raw
end
for i = 4, #KEYS do
  for _, raw in ipairs(redis.call('LRANGE', KEYS[i], 0, -1)) do
    jobs[#jobs + 1] = raw
  end
end
return jobs
