#!/usr/bin/env bash
# Monitoring on one machine without containers: runs Debian's `prometheus` with ops/prometheus (scrape
# configuration, recording and alert rules) against the running platform and prints where to look.
#   API_TARGETS / WORKER_TARGETS   comma-separated host:port lists (default: this machine's PORT and
#                                  WORKER_METRICS_PORT from .env, else 3000 and 9464)
#   PROMETHEUS_PORT                where Prometheus listens (default 9090)
# Data and the effective configuration live in ~/.cache/eduplatform/prometheus. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] && set -a && source .env && set +a

if ! command -v prometheus >/dev/null; then
  echo "prometheus is not installed: sudo apt-get install prometheus (Debian's package)" >&2
  exit 1
fi

api_targets="${API_TARGETS:-127.0.0.1:${PORT:-3000}}"
worker_targets="${WORKER_TARGETS:-127.0.0.1:${WORKER_METRICS_PORT:-9464}}"
port="${PROMETHEUS_PORT:-9090}"
home="${XDG_CACHE_HOME:-$HOME/.cache}/eduplatform/prometheus"

mkdir -p "$home"
rm -rf "$home/config"
cp -r ops/prometheus "$home/config"
targets() { printf '[{ "targets": ["%s"] }]\n' "$(echo "$1" | sed 's/,/", "/g')"; }
targets "$api_targets" >"$home/config/targets/api.json"
targets "$worker_targets" >"$home/config/targets/worker.json"

echo "Prometheus: http://localhost:${port} (targets: http://localhost:${port}/targets, alerts: http://localhost:${port}/alerts)"
echo "scraping api ${api_targets} and worker ${worker_targets}; Grafana and the dashboards come with compose.yaml"
exec prometheus \
  --config.file="$home/config/prometheus.yml" \
  --storage.tsdb.path="$home/data" \
  --web.listen-address=":${port}" \
  --log.level=warn
