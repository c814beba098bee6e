#!/usr/bin/env bash
# Starts the whole platform on one machine: installs what is missing, builds, applies migrations and runs
# the api (HTTP + frontend on one port) and the worker (outbox relay + projections). Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/with-node.sh
bash ops/install.sh
npm run build --silent

[ -f .env ] && set -a && source .env && set +a
export FRONTEND_HANDLER="${FRONTEND_HANDLER:-$PWD/frontend/build/handler.js}"

# Migrations run in each process at start (serialized by an advisory lock); the api starts first.
node backend/dist/src/main.api.js &
api=$!
node backend/dist/src/main.worker.js &
worker=$!
trap 'kill $api $worker 2>/dev/null; wait' INT TERM
wait -n $api $worker
status=$?
kill $api $worker 2>/dev/null || true
wait
exit $status
