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
echo "== layers (dependency-cruiser, .dependency-cruiser.cjs)"
npx depcruise --config .dependency-cruiser.cjs backend frontend/src
echo "== type checks and builds"
(cd backend && npx tsc -p tsconfig.test.json)
npm run build --silent
echo "== API contract (contracts/openapi.json and contracts/api.d.ts are what the code produces)"
node ops/api-contract.mjs --check
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
# The fault suite runs on a Postgres cluster and Redis of its own, so it can overlap the browser and smoke runs;
# its report (the table of scenarios) is printed when it ends. A failing step before then still waits for it,
# so its cluster is left stopped and its redis-server gone.
echo "== fault suite (in the background: test/faults, own Postgres cluster on 5433 and own Redis)"
faults_results=$(mktemp)
faults_log=$(mktemp)
(cd backend && npx vitest run --config test/faults/vitest.config.ts --reporter=default --reporter=json \
  --outputFile="$faults_results") >"$faults_log" 2>&1 &
faults_pid=$!
trap 'wait "$faults_pid" 2>/dev/null || true' EXIT
echo "== browser end-to-end"
bash ops/e2e.sh
echo "== load smoke run (Locust, 50 users, 30 s; fails on unexpected failures, not on timing)"
bash ops/bench.sh --smoke --no-build --port "${SMOKE_PORT:-3190}"

echo "== fault suite (report)"
faults_status=0
wait "$faults_pid" || faults_status=$?
cat "$faults_log"
[ "$faults_status" -eq 0 ] || { echo "fault suite failed"; exit "$faults_status"; }

# One closing line for the whole run: every spec and fault scenario, plus the operations checks, the browser run
# and the load smoke run (each passed to get here).
node -e 'const [r, f] = process.argv.slice(1).map((p) => JSON.parse(require("fs").readFileSync(p, "utf8")));
  console.log(`tests: ${r.numPassedTests + f.numPassedTests + 3} passed, ${r.numFailedTests + f.numFailedTests} failed`);' \
  "$results" "$faults_results"
