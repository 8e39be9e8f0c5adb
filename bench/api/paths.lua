-- wrk: each request takes a random path from the file named by $PATHS (one path a line), so that a run reads many
-- people, families and pages rather than one cached row.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
end
math.randomseed(os.time())
request = function()
    return wrk.format(nil, paths[math.random(#paths)])
end
