#!/usr/bin/env bash
# Runs Locust as a master and N worker processes on this machine (Debian's Locust 2.12 has no --processes).
# One Locust process tops out near one core — about 640 requests/s of the specification's HttpUser scenarios here —
# so at 1,000 users a single process measures itself rather than the platform.
#   locust-processes.sh N LOCUST [options…]   the master gets the options; workers get the same -f (and environment)
set -euo pipefail
processes=$1 locust=$2
shift 2
[ "$processes" -le 1 ] && exec "$locust" "$@"

file=
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = -f ] && file=${args[$((i + 1))]}
done
[ -n "$file" ] || { echo "locust-processes.sh: no -f LOCUSTFILE among the options" >&2; exit 2; }

port=$((20000 + RANDOM % 20000))
workers=()
for _ in $(seq 1 "$processes"); do
  "$locust" -f "$file" --worker --master-host 127.0.0.1 --master-port "$port" --loglevel WARNING &
  workers+=($!)
done
status=0
"$locust" "$@" --master --master-bind-host 127.0.0.1 --master-bind-port "$port" --expect-workers "$processes" || status=$?
# Workers quit when the master stops them; wait so their CPU is counted with the master's.
wait "${workers[@]}" 2>/dev/null || true
exit "$status"
