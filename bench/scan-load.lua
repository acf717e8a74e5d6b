-- wrk script of bench/scan-load.sh: gate devices posting online scans.
--   wrk -t THREADS -c 64 -s bench/scan-load.lua URL -- DATA_FILE THREADS
-- DATA_FILE (written by bench/scan-load-setup.py) holds the credential codes and the 64 device tokens with the directions
-- their gate allows. Each thread takes every other device and uses them in turn; a both-ways lane alternates entry and
-- exit. Every request has a fresh random nonce and a code drawn at random; one in a hundred codes has a character
-- changed, as a forged or misread code would (refused for its signature or format).

local threads = 0

function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end

local codes, devices, turns, next_device = nil, {}, {}, 0

local function seed()
  -- wrk starts every thread at the same instant: seed from the kernel, not the clock.
  local urandom = assert(io.open("/dev/urandom", "rb"))
  local bytes = urandom:read(4)
  urandom:close()
  local value = 0
  for i = 1, 4 do
    value = value * 256 + bytes:byte(i)
  end
  math.randomseed(value)
end

local function nonce()
  local r = math.random
  return string.format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x", r(0, 65535), r(0, 65535), r(0, 65535), r(0, 4095),
    r(32768, 49151), r(0, 65535), r(0, 65535), r(0, 65535))
end

local function forged(code)
  local at = 40
  local replacement = code:sub(at, at) == "A" and "B" or "A"
  return code:sub(1, at - 1) .. replacement .. code:sub(at + 1)
end

function init(args)
  seed()
  local data = dofile(args[1])
  codes = data.codes
  local step = tonumber(args[2])
  for i = index + 1, #data.devices, step do
    devices[#devices + 1] = data.devices[i]
    turns[#turns + 1] = 0
  end
end

function request()
  next_device = next_device % #devices + 1
  local device = devices[next_device]
  turns[next_device] = turns[next_device] + 1
  local direction = device.directions[(turns[next_device] - 1) % #device.directions + 1]
  local code = codes[math.random(#codes)]
  if math.random(100) == 1 then
    code = forged(code)
  end
  local body = string.format('{"nonce":"%s","code":"%s","direction":"%s"}', nonce(), code, direction)
  return wrk.format("POST", "/api/v1/device/scans",
    { ["Authorization"] = "Device " .. device.token, ["Content-Type"] = "application/json" }, body)
end
