-- wrk script of bench/dashboard-latency.sh: the gate devices of bench/scan-load.lua, paced to a fixed rate of scans.
--   wrk -t THREADS -c CONNECTIONS -s bench/dashboard-latency.lua URL -- DATA_FILE THREADS CONNECTIONS RATE
-- Each connection waits CONNECTIONS/RATE seconds (on average, with jitter so that they do not move in step) before its
-- next scan, so all together post about RATE scans per second while the server keeps up. The wait starts when the answer
-- comes, so the answer's time adds to it: ask about 10% above the rate to reach (--rate 560 gave 511 scans/s).

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "scan-load.lua")

local scan_load_init = init
local interval_ms = 0

function init(args)
  scan_load_init(args)
  interval_ms = tonumber(args[3]) * 1000 / tonumber(args[4])
end

function delay()
  return math.floor(interval_ms * (0.5 + math.random()))
end
