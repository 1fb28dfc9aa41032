#!/usr/bin/env bash
# Portal throughput against the floor (issue 3): nginx serving a saved copy of the same article
# page as static HTML, side by side in one run, on loopback.
#   tests/load/portal-wrk.sh [count=10000] [rounds=3]
# Needs: wrk, nginx-light (apt-get install -y wrk nginx-light). Prints medians and ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."

count=${1:-10000}
rounds=${2:-3}
work=/tmp/newsdigest-wrk-$count
app_port=5080
nginx_port=8089
source tests/load/build-database.sh

dotnet "$dll" --urls "http://127.0.0.1:$app_port" --NewsDigest:SeedsPath="$work/seeds" \
  --NewsDigest:DatabasePath="$work/news.db" --NewsDigest:WatchFolder=false \
  --Serilog:MinimumLevel:Default=Warning >"$work/app.log" 2>&1 &
app_pid=$!
mkdir -p "$work/nginx"
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
trap 'kill $app_pid 2>/dev/null; nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true' EXIT

until curl -sf "http://127.0.0.1:$app_port/healthz" >/dev/null; do sleep 0.5; done
until curl -sf "http://127.0.0.1:$app_port/api/ingestion" | grep -q '"finishedAt"'; do sleep 0.5; done

article=$(curl -s "http://127.0.0.1:$app_port/api/articles?pageSize=1" | sed -E 's/.*"url":"([^"]+)".*/\1/')
curl -s "http://127.0.0.1:$app_port$article" >"$work/nginx/article.html"
nginx -c "$work/nginx.conf"

declare -A urls=(
  [nginx-static]="http://127.0.0.1:$nginx_port/article.html"
  [article]="http://127.0.0.1:$app_port$article"
  [list-2-filters]="http://127.0.0.1:$app_port/?industry=%E5%8C%BB%E7%96%97&tech=%E5%A4%A7%E6%A8%A1%E5%9E%8B"
)
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $count digests, wrk -t2 -c32 -d10s, $rounds rounds"
declare -A rps p99
for name in nginx-static article list-2-filters; do
  curl -s -o /dev/null "${urls[$name]}"   # warm the output cache
  r=(); l=()
  for _ in $(seq "$rounds"); do
    out=$(wrk -t2 -c32 -d10s --latency "${urls[$name]}")
    r+=("$(awk '/Requests\/sec/ {print $2}' <<<"$out")")
    l+=("$(awk '$1=="99%" {print $2}' <<<"$out")")
  done
  rps[$name]=$(printf '%s\n' "${r[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  p99[$name]=$(printf '%s\n' "${l[@]}" | sort -V | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name: median ${rps[$name]} req/s (rounds: ${r[*]}), median p99 ${p99[$name]}"
done
for name in article list-2-filters; do
  awk -v a="${rps[$name]}" -v b="${rps[nginx-static]}" -v n="$name" 'BEGIN {printf "%s / nginx = %.2f\n", n, a / b}'
done
