-- Moves one job out of a list, rewritten, in one step: nothing is lost or doubled if the caller dies halfway.
-- KEYS[1] the list holding the job (a processing list, or a dead list)
-- KEYS[2] where it goes: a delayed ZSET when ARGV[3] is a due time, else a list it is appended to
-- ARGV[1] the job exactly as it sits in KEYS[1]
-- ARGV[2] the job to write (attempt and last_error updated)
-- ARGV[3] due time in epoch ms, or '' to append to the list KEYS[2]
-- Returns 0 when the job was no longer there (the reaper handed it back meanwhile): nothing is written then.
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then
  return 0
end
if ARGV[3] == '' then
  redis.call('RPUSH', KEYS[2], ARGV[2])
else
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
end
return 1
