#!/usr/bin/env bash
# Portal throughput against its floors (issues 3 and 15), on loopback, in one run: nginx serving
# saved copies of an article page and of the filtered list (industry + technology), bare Kestrel
# serving the same bytes from memory (the runtime's ceiling on this machine: the Benchmarks
# program's `ceiling`), and the portal serving the pages themselves. Rounds are interleaved (each
# round measures every target once), so a burst of load from another job hits all of them alike.
# "article-br" and "list-br" are the pages asked for as a browser asks (Accept-Encoding: gzip,
# deflate, br, zstd), so they are answered compressed; "article-uncached" is the article page with a query parameter never sent before on every request
# (tests/load/uncached.lua), so nothing comes from the output cache: what a first reader gets.
# Prints every round, the medians, the ratios and the load averages, and for each target the
# server's CPU time per request (user + system, from /proc): less disturbed by other jobs on a shared
# machine than requests per second, since a descheduled server uses no CPU.
#   tests/load/portal-wrk.sh [count=10000] [rounds=3] [seconds=10]
# Environment: WRK_THREADS (1: one core drives, the other serves), WRK_CONNECTIONS (32).
# BASELINE_DLL and BASELINE_DB run another build of the portal (NewsDigest.Web.dll, on its own copy
# of the database: a newer build migrates the file) as "baseline" targets in the same rounds, each
# right after its counterpart in odd rounds and right before it in even ones.
# Needs: wrk, nginx-light (apt-get install -y wrk nginx-light).
set -euo pipefail
cd "$(dirname "$0")/../.."

count=${1:-10000}
rounds=${2:-3}
seconds=${3:-10}
threads=${WRK_THREADS:-1}
connections=${WRK_CONNECTIONS:-32}
work=/tmp/newsdigest-wrk-$count
app_port=5080
ceiling_port=5082
baseline_port=5083
nginx_port=8089
source tests/load/build-database.sh
dotnet build -c Release tests/NewsDigest.Benchmarks -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
benchmarks=tests/NewsDigest.Benchmarks/bin/Release/net10.0/NewsDigest.Benchmarks.dll

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
}
trap cleanup EXIT

portal() { # portal <dll> <db> <port> <log>
  dotnet "$1" --urls "http://127.0.0.1:$3" --NewsDigest:SeedsPath="$work/seeds" \
    --NewsDigest:DatabasePath="$2" --NewsDigest:WatchFolder=false --NewsDigest:RescanIntervalSeconds=86400 \
    --Serilog:MinimumLevel:Default=Warning >"$4" 2>&1 &
  pids+=($!)
}
ready() { # ready <port>: answering, and the start-up scan has finished
  until curl -sf "http://127.0.0.1:$1/healthz" >/dev/null; do sleep 0.5; done
  until curl -sf "http://127.0.0.1:$1/api/ingestion" | grep -q '"finishedAt"'; do sleep 0.5; done
}

portal "$dll" "$work/news.db" "$app_port" "$work/app.log"
app_pid=${pids[-1]}
if [ -n "${BASELINE_DLL:-}" ]; then
  portal "$BASELINE_DLL" "$BASELINE_DB" "$baseline_port" "$work/baseline.log"
  baseline_pid=${pids[-1]}
fi
ready "$app_port"
if [ -n "${BASELINE_DLL:-}" ]; then ready "$baseline_port"; fi

# The pages: the newest article at its canonical address, and the list filtered by 医疗 and 大模型.
article=$(curl -s "http://127.0.0.1:$app_port/api/articles?pageSize=1" | sed -E 's/.*"url":"([^"]+)".*/\1/')
list="/?industry=%E5%8C%BB%E7%96%97&tech=%E5%A4%A7%E6%A8%A1%E5%9E%8B"
mkdir -p "$work/nginx"
for page in article list; do
  path=${!page}
  status=$(curl -s -o "$work/nginx/$page.html" -w '%{http_code}' "http://127.0.0.1:$app_port$path")
  [ "$status" = 200 ] || { echo "$path answered $status, not 200" >&2; exit 1; }
done

cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    include /etc/nginx/mime.types;
    server { listen 127.0.0.1:$nginx_port; root $work/nginx; }
}
CONF
nginx -c "$work/nginx.conf"
DOTNET_gcServer=1 dotnet "$benchmarks" ceiling --urls "http://127.0.0.1:$ceiling_port" \
  --page /article="$work/nginx/article.html" --page /list="$work/nginx/list.html" >"$work/ceiling.log" 2>&1 &
pids+=($!)
ceiling_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$ceiling_port/article"; do sleep 0.5; done
nginx_pids=$(pgrep -P "$(cat "$work/nginx.pid")" | xargs)

declare -A urls=(
  [nginx-article]="http://127.0.0.1:$nginx_port/article.html"
  [nginx-list]="http://127.0.0.1:$nginx_port/list.html"
  [ceiling-article]="http://127.0.0.1:$ceiling_port/article"
  [ceiling-list]="http://127.0.0.1:$ceiling_port/list"
  [article]="http://127.0.0.1:$app_port$article"
  [article-br]="http://127.0.0.1:$app_port$article"
  [article-uncached]="http://127.0.0.1:$app_port$article"
  [list]="http://127.0.0.1:$app_port$list"
  [list-br]="http://127.0.0.1:$app_port$list"
)
declare -A servers=(
  [nginx-article]=$nginx_pids [nginx-list]=$nginx_pids
  [ceiling-article]=$ceiling_pid [ceiling-list]=$ceiling_pid
  [article]=$app_pid [article-br]=$app_pid [article-uncached]=$app_pid [list]=$app_pid [list-br]=$app_pid
)
targets=(nginx-article ceiling-article article article-br article-uncached nginx-list ceiling-list list list-br)
if [ -n "${BASELINE_DLL:-}" ]; then
  urls[baseline-article]="http://127.0.0.1:$baseline_port$article"
  urls[baseline-article-br]="http://127.0.0.1:$baseline_port$article"
  urls[baseline-article-uncached]="http://127.0.0.1:$baseline_port$article"
  urls[baseline-list]="http://127.0.0.1:$baseline_port$list"
  urls[baseline-list-br]="http://127.0.0.1:$baseline_port$list"
  servers[baseline-article]=$baseline_pid
  servers[baseline-article-br]=$baseline_pid
  servers[baseline-article-uncached]=$baseline_pid
  servers[baseline-list]=$baseline_pid
  servers[baseline-list-br]=$baseline_pid
  targets=(nginx-article ceiling-article article baseline-article article-br baseline-article-br
           article-uncached baseline-article-uncached
           nginx-list ceiling-list list baseline-list list-br baseline-list-br)
fi

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $count digests"
echo "# command: tests/load/portal-wrk.sh $count $rounds $seconds (wrk -t$threads -c$connections -d${seconds}s), interleaved rounds"
echo "# article: $article ($(wc -c <"$work/nginx/article.html") bytes); list: $list ($(wc -c <"$work/nginx/list.html") bytes)"
run_wrk() { # run_wrk <target>
  local options=()
  if [[ $1 == *-uncached ]]; then options=(-s tests/load/uncached.lua); fi
  if [[ $1 == *-br ]]; then options=(-H "Accept-Encoding: gzip, deflate, br, zstd"); fi
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "${options[@]}" "${urls[$1]}"
}

# A warm-up round, not counted: the output cache fills, and the JIT's tiering of the hot paths
# (which runs on the same cores) is over before anything is timed.
for name in "${targets[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "${urls[$name]}")
  [ "$status" = 200 ] || { echo "$name answered $status, not 200" >&2; exit 1; }
  run_wrk "$name" >/dev/null
done

ticks() { local t=0 pid; for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$t"; }
hz=$(getconf CLK_TCK)
declare -A rps p99 cpu
# Every other round measures each baseline target right before its counterpart instead of right
# after, so neither build always runs in the other's wake (a cache or CPU state left behind).
swapped=()
for ((i = 0; i < ${#targets[@]}; i++)); do
  if [ "${targets[i + 1]:-}" = "baseline-${targets[i]}" ]; then
    swapped+=("${targets[i + 1]}" "${targets[i]}")
    i=$((i + 1))
  else
    swapped+=("${targets[i]}")
  fi
done
for round in $(seq "$rounds"); do
  echo "round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  order=("${targets[@]}")
  if [ $((round % 2)) = 0 ]; then order=("${swapped[@]}"); fi
  for name in "${order[@]}"; do
    # shellcheck disable=SC2086 # a target's server may be several processes (nginx's workers)
    before=$(ticks ${servers[$name]})
    out=$(run_wrk "$name")
    # shellcheck disable=SC2086
    used=$(( $(ticks ${servers[$name]}) - before ))
    if grep -q 'Non-2xx' <<<"$out"; then echo "  $name: $(grep 'Non-2xx' <<<"$out")" >&2; exit 1; fi
    r=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    c=$(awk -v t="$used" -v hz="$hz" '/requests in/ {printf "%.1f", t * 1e6 / hz / $1}' <<<"$out")
    rps[$name]="${rps[$name]:-} $r"
    cpu[$name]="${cpu[$name]:-} $c"
    p99[$name]="${p99[$name]:-} $(awk '$1=="99%" {print $2}' <<<"$out")"
    printf '  %-17s %10s req/s %7s µs CPU/request\n' "$name" "$r" "$c"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A med medcpu
echo
echo "| target | median req/s | rounds | median p99 | median server CPU µs/request |"
echo "|---|---|---|---|---|"
for name in "${targets[@]}"; do
  med[$name]=$(median <<<"${rps[$name]}")
  medcpu[$name]=$(median <<<"${cpu[$name]}")
  echo "| $name | ${med[$name]} | $(xargs <<<"${rps[$name]}" | sed 's# # / #g') | $(tr ' ' '\n' <<<"${p99[$name]}" | grep -v '^$' | sort -V | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') | ${medcpu[$name]} |"
done
echo
ratio() { awk -v a="${med[$1]}" -v b="${med[$2]}" 'BEGIN {printf "%.2f", a / b}'; }
cost() { awk -v a="${medcpu[$1]}" -v b="${medcpu[$2]}" 'BEGIN {printf "%.2f", a / b}'; }
for name in "${targets[@]}"; do
  case $name in nginx-* | ceiling-*) continue ;; esac
  page=${name#baseline-}
  page=${page%-uncached}
  page=${page%-br}
  echo "$name: req/s / nginx = $(ratio "$name" "nginx-$page"), / Kestrel ceiling = $(ratio "$name" "ceiling-$page"); CPU per request / ceiling = $(cost "$name" "ceiling-$page")"
done
for page in article list; do
  echo "Kestrel ceiling ($page): req/s / nginx = $(ratio "ceiling-$page" "nginx-$page"); CPU per request / nginx = $(cost "ceiling-$page" "nginx-$page")"
done
