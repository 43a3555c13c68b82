-- Moves one job out of a list, rewritten, in one step: nothing is lost or doubled if the caller dies halfway.
-- KEYS[1] the list holding the job (a processing list, or a dead list)
-- KEYS[2] where it goes: a list, or the delayed ZSET
-- ARGV[1] the job exactly as it sits in KEYS[1]
-- ARGV[2] the job to write (attempt and last_error updated, or unchanged)
-- ARGV[3] 'tail' (append to the list), 'head' (put in front of the list) or 'delayed' (add to the ZSET)
-- ARGV[4] for 'delayed': the due time in epoch ms
-- Returns 0 when the job was no longer there (the reaper handed it back meanwhile): nothing is written then.
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then
  return 0
end
if ARGV[3] == 'delayed' then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[2])
elseif ARGV[3] == 'head' then
  redis.call('LPUSH', KEYS[2], ARGV[2])
else
  redis.call('RPUSH', KEYS[2], ARGV[2])
end
return 1
