#!/usr/bin/env bash
# Checks that ops/monitor.sh starts Prometheus with the repository's configuration (no platform needed:
# the targets are simply down) and that it loaded every rule.
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
cache=$(mktemp -d)
XDG_CACHE_HOME="$cache" PROMETHEUS_PORT="$port" bash ops/monitor.sh >"$cache/out.log" 2>&1 &
monitor=$!
trap 'kill $monitor 2>/dev/null; wait $monitor 2>/dev/null; rm -rf "$cache"' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:${port}/-/ready" >/dev/null && break
  sleep 0.2
done
rules=$(curl -sf "http://127.0.0.1:${port}/api/v1/rules" | node -e '
  const { data } = JSON.parse(require("fs").readFileSync(0, "utf8"));
  console.log(data.groups.reduce((n, g) => n + g.rules.length, 0));')
expected=$(grep -cE '^\s*- (record|alert):' ops/prometheus/rules/*.yml | awk -F: '{ n += $2 } END { print n }')
grep -q "Prometheus: http://localhost:${port}" "$cache/out.log" || { echo "ops/monitor.sh did not print its URL"; exit 1; }
[ "$rules" = "$expected" ] || { echo "ops/monitor.sh: Prometheus loaded ${rules} rules, expected ${expected}"; exit 1; }
echo "ops/monitor.sh: Prometheus up on port ${port} with ${rules} rules"
