#!/usr/bin/env bash
# Browser end-to-end run: starts the built platform (api + worker, frontend mounted) on a scratch database
# and drives the student learning loop in headless Chromium (frontend/e2e). Stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/with-node.sh

port="${E2E_PORT:-3900}"
database="edu_e2e_$$"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${database}"
export PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn REDIS_PREFIX="e2e:$$"
export FRONTEND_HANDLER="$PWD/frontend/build/handler.js"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS ${database} WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

node backend/dist/src/main.api.js & pids+=($!)
node backend/dist/src/main.worker.js & pids+=($!)
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:${port}/health/ready" >/dev/null && break
  sleep 0.2
done
node frontend/e2e/run.mjs "http://127.0.0.1:${port}"
