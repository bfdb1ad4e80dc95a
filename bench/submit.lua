-- wrk script for the submission benchmarks (bench/run-submit-floor.sh): POST /api/v1/manuscripts as multipart/form-data
-- with the same fields as bench/Herald.Load (title, ~3 KB Chinese body, category, importance, eventDate), a bearer token
-- and a fresh Idempotency-Key per request. Tokens come from TOKENS (comma-separated), one per wrk thread in turn.
-- Counts every answer other than 201 Created as an error and prints one summary line for the runner to parse.
local boundary = "----heraldbench7d1f0c"
local sentences = {
  "为进一步提高居民垃圾分类意识，社区近日组织网格员、志愿者深入小区开展入户宣传活动。",
  "志愿者通过发放宣传册、现场演示、有奖问答等方式，向居民讲解可回收物、有害垃圾、厨余垃圾和其他垃圾的分类标准。",
  "活动覆盖居民800余户，小区垃圾分类准确率由62%提升到85%。",
  "街道党政办公室联合辖区各社区在便民服务中心广场开展集中服务活动，设置政策咨询、医疗义诊、法律援助等服务摊位。",
  "街道机关干部和社区志愿者40余人参与服务，共接待群众300余人次，发放宣传资料1200余份。",
  "下一步，街道将把集中服务活动常态化，每月确定一个主题，持续推动服务资源下沉到社区、延伸到群众家门口。",
  "会议强调，要坚持正确政治方向，牢牢把握正确舆论导向，及时准确报送本单位重点工作和亮点特色。",
  "各部门、村社区要明确一名信息员，负责信息的收集、整理和报送工作，确保信息真实、准确、及时。",
}
local text, i = {}, 0
while #table.concat(text) < 3 * 1024 - 60 do
  i = i + 1
  text[#text + 1] = sentences[(i - 1) % #sentences + 1]
  if i % 3 == 0 then text[#text + 1] = "\n" end
end
local bodyText = table.concat(text)

local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

-- Yesterday in China time (UTC+8), as the load driver sends it.
local eventDate = os.date("!%Y-%m-%d", os.time() + 8 * 3600 - 86400)
local tail = part("category", "工作动态") .. part("importance", "routine") .. part("eventDate", eventDate) .. "--" .. boundary .. "--\r\n"

local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do tokens[#tokens + 1] = t end
local threads, nextThread = {}, 0

function setup(thread)
  nextThread = nextThread + 1
  thread:set("id", nextThread)
  thread:set("token", tokens[(nextThread - 1) % math.max(#tokens, 1) + 1] or "")
  threads[#threads + 1] = thread
end

n, errors, run = 0, 0, tostring(os.time())  -- globals: done() reads each thread's errors with thread:get
local headers

function init(args)
  headers = {
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["Authorization"] = "Bearer " .. token,
  }
end

function request()
  n = n + 1
  local tag = run .. "-" .. id .. "-" .. n
  headers["Idempotency-Key"] = "wrk-" .. tag
  local body = part("title", "社区开展垃圾分类入户宣传活动（压测第" .. tag .. "篇）")
    .. part("body", "压测稿件编号" .. tag .. "。" .. bodyText) .. tail
  return wrk.format("POST", "/api/v1/manuscripts", headers, body)
end

function response(status, hdrs, body)
  if status ~= 201 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("errors") end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f non201=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad, socket))
end
