-- wrk script for tests/load/portal-wrk.sh: the same page, but every request adds a query parameter
-- never sent before, so the output cache never has the answer and every request is rendered: what
-- the first reader of an article gets (the page ignores parameters it does not know).
local counter = 0
local thread_id = 0
local next_id = 0

function setup(thread)
    next_id = next_id + 1
    thread:set("thread_id", next_id)
end

function init(args)
    thread_id = thread_id or 0
    math.randomseed(os.time() + thread_id)
    run = math.random(1, 1000000000)
end

function request()
    counter = counter + 1
    local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. separator .. "uncached=" .. run .. "-" .. thread_id .. "-" .. counter)
end
