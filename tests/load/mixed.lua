-- wrk script for tests/load/mixed-wrk.sh: every request picks a random path from the file named
-- by the PATHS environment variable (one path per line: articles, lists, tags, searches, API,
-- feeds), and counts 5xx responses separately from other non-2xx ones.
local paths = {}
server_errors = 0

function init(args)
    for line in io.lines(os.getenv("PATHS")) do
        paths[#paths + 1] = line
    end
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
    return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
    if status >= 500 then
        server_errors = server_errors + 1
    end
end

-- Each thread keeps its own count; done() reads them through the thread objects.
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("server_errors")
    end
    io.write(string.format("5xx responses: %d\n", total))
    for _, p in ipairs({ 50, 90, 99 }) do
        io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
    end
end
