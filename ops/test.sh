#!/usr/bin/env bash
# The whole test suite: lint and formatting, type checks, builds, then unit, integration and HTTP specs
# against the real Postgres and Redis (each spec file gets a database and Redis key prefix of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/with-node.sh
bash ops/install.sh

echo "== lint and formatting"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "== type checks and builds"
(cd backend && npx tsc -p tsconfig.test.json)
npm run build --silent
npm run check --silent -w frontend
echo "== operations: Prometheus configuration and rules (with their unit tests), compose files, ops/monitor.sh"
promtool check config ops/prometheus/prometheus.yml ops/prometheus/prometheus.compose.yml >/dev/null
promtool check rules ops/prometheus/rules/*.yml >/dev/null
promtool test rules ops/prometheus/tests/rules.test.yml
docker-compose -f compose.yaml config --quiet
# Placeholder secrets: compose.prod.yaml refuses to render without them.
JWT_SECRET=placeholder ADMIN_PASSWORD=placeholder POSTGRES_PASSWORD=placeholder GRAFANA_ADMIN_PASSWORD=placeholder \
  docker-compose -f compose.prod.yaml config --quiet
bash ops/check-monitor.sh
echo "== specs"
results=$(mktemp)
(cd backend && npx vitest run --reporter=default --reporter=json --outputFile="$results")
echo "== browser end-to-end"
bash ops/e2e.sh
echo "== load smoke run (Locust, 50 users, 30 s; fails on unexpected failures, not on timing)"
bash ops/bench.sh --smoke --no-build --port "${SMOKE_PORT:-3190}"

# One closing line for the whole run: every spec, plus the operations checks, the browser run and the load smoke
# run (each passed to get here).
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests + 3} passed, ${r.numFailedTests} failed`);' "$results"
