-- wrk script: POST one example profile (path in env PROFILE) to the evaluation endpoint
local f = assert(io.open(os.getenv("PROFILE") or "examples/declining-coal-city.json", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
