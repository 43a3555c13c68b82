-- Puts every job of a processing list back at the front of the ready list, in the order they were taken.
-- KEYS[1] processing list, KEYS[2] ready list
-- KEYS[3] (optional) the owner's heartbeat key: while it exists the worker is alive and nothing is moved
-- Returns the jobs moved.
if KEYS[3] and redis.call('EXISTS', KEYS[3]) == 1 then
  return {}
end
local moved = {}
while true do
  local job = redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT')
  if not job then
    break
  end
  moved[#moved + 1] = job
end
return moved
