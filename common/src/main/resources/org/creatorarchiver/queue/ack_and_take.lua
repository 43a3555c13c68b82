-- Acknowledges a finished job and takes the next ready one in the same round trip (a busy consumer's common case).
-- KEYS[1] the worker's processing list, KEYS[2] the ready list, KEYS[3] the queue's counter of succeeded jobs
-- ARGV[1] the finished job exactly as it sits in KEYS[1]
-- Returns {removed, next}: removed is 1, or 0 when the job had been handed back meanwhile; next is the job moved from
-- the head of the ready list to the end of the processing list, or nil when the ready list is empty.
-- The success is counted here rather than with a command of its own: one command per job less on the busiest path.
local removed = redis.call('LREM', KEYS[1], 1, ARGV[1])
redis.call('INCR', KEYS[3])
local next = redis.call('LMOVE', KEYS[2], KEYS[1], 'LEFT', 'RIGHT')
return {removed, next}
