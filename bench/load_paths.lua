-- Rotate through the desk's pages and API requests, one path per request.
-- PATHS_FILE names a file with one path per line (written by load_test.py).
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("PATHS_FILE")) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
