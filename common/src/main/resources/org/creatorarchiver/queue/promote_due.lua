-- Moves due jobs from the delayed ZSET to the end of the ready list. Atomic, so any number of processes may run it
-- at once without a job being delivered twice.
-- KEYS[1] delayed ZSET, KEYS[2] ready list
-- ARGV[1] now in epoch ms, ARGV[2] most jobs to move in one call
-- Returns how many jobs were moved.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
if #due == 0 then
  return 0
end
redis.call('RPUSH', KEYS[2], unpack(due))
redis.call('ZREM', KEYS[1], unpack(due))
return #due
