#!/usr/bin/env bash
# Mixed load (issue 7): wrk on loopback, 64 connections for 60 s, against a random mix of article
# pages, lists with filters, tag pages, searches (page, API and feed) and API calls over a
# 10,000-digest database. Prints errors, p50/p90/p99 and the server's working set after warm-up
# and after the run.
#   tests/load/mixed-wrk.sh [count=10000] [seconds=60] [connections=64]
# Needs: wrk, python3 (apt-get install -y wrk). The rate limiter is switched off for the run:
# all requests come from one address.
set -euo pipefail
cd "$(dirname "$0")/../.."

count=${1:-10000}
seconds=${2:-60}
connections=${3:-64}
work=/tmp/newsdigest-wrk-$count
port=5081
base="http://127.0.0.1:$port"
source tests/load/build-database.sh

dotnet "$dll" --urls "$base" --NewsDigest:SeedsPath="$work/seeds" \
  --NewsDigest:DatabasePath="$work/news.db" --NewsDigest:WatchFolder=false \
  --NewsDigest:RateLimit:Enabled=false \
  --Serilog:MinimumLevel:Default=Warning >"$work/mixed-app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true' EXIT
until curl -sf "$base/readyz" >/dev/null; do sleep 0.5; done

# The request mix, one path per line; its share of each kind is printed below.
python3 - "$base" >"$work/paths.txt" <<'PY'
import json, random, sys, urllib.parse, urllib.request
base = sys.argv[1]
get = lambda path: json.load(urllib.request.urlopen(base + path))
q = lambda s: urllib.parse.quote(s, safe="")
random.seed(7)
paths = []
articles = [a for page in (1, 7, 23, 51, 99) for a in get(f"/api/articles?pageSize=100&page={page}")["items"]]
tags = get("/api/tags")
top = {kind: [t["value"] for t in tags[kind][:25]] for kind in ("industry", "tech", "keyword")}
searches = ["模型", "医疗", "芯片", "金融", "教育", "大模型", "人工智能", "自动驾驶", "诸神之战", "联邦学习",
            "医", "芯", "云", "车", "openai", "ChatGPT", "GPT-4", "nvidia", "chat*", "gen*", "\"drug discovery\"",
            "GPT-4 医疗", "multi-agent", "量子", "机器人", "生成式AI", "算力", "开源 模型", "title:x", "(((", "数据 安全"]
paths += [a["url"] for a in articles] * 2                                   # article pages: ~40%
paths += ["/"] + [f"/?page={p}" for p in range(2, 40)]                      # newest-first list
for kind in top:                                                            # one filter, two filters
    paths += [f"/?{kind}={q(v)}" for v in top[kind]]
paths += [f"/?industry={q(random.choice(top['industry']))}&tech={q(random.choice(top['tech']))}" for _ in range(60)]
paths += [f"/tags/{kind}/{q(v)}" for kind in top for v in top[kind][:10]]   # tag pages
paths += [f"/?q={q(s)}" for s in searches] * 8                              # searches: page, with a filter, API, feed
paths += [f"/?q={q(s)}&industry={q(random.choice(top['industry']))}" for s in searches]
paths += [f"/api/articles?q={q(s)}" for s in searches]
paths += [f"/feed.atom?q={q(s)}" for s in searches[:10]] + ["/feed.atom", "/feed.json"]
paths += [f"/api/articles?page={p}" for p in range(1, 30)] + [f"/api/articles/{a['id']}" for a in articles[:100]]
print("\n".join(paths))
kinds = {"article": 0, "search": 0, "api": 0, "list/tag": 0, "feed": 0}
for p in paths:
    k = "feed" if p.startswith("/feed") else "api" if p.startswith("/api") else "search" if "q=" in p else "article" if p.startswith("/articles") else "list/tag"
    kinds[k] += 1
print(f"# {len(paths)} paths: " + ", ".join(f"{k} {100 * v // len(paths)}%" for k, v in kinds.items()), file=sys.stderr)
PY

rss() { awk '/^VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$app_pid/status"; }
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $count digests, wrk -t2 -c$connections -d${seconds}s"
echo "# command: tests/load/mixed-wrk.sh $count $seconds $connections"
echo "working set at start: $(rss)"
PATHS="$work/paths.txt" wrk -t2 -c"$connections" -d15s -s tests/load/mixed.lua "$base" >/dev/null
echo "working set after 15 s warm-up: $(rss)"
PATHS="$work/paths.txt" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s tests/load/mixed.lua "$base" \
  | grep -E "Requests/sec|requests in|Socket errors|Non-2xx|5xx|^p[0-9]+:"
echo "working set after the ${seconds} s run: $(rss) (peak $(awk '/^VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$app_pid/status"))"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -cE '"Level":"(Error|Fatal)"|\[(ERR|FTL)\]' "$work/mixed-app.log" | sed 's/^/server errors logged: /' || true
