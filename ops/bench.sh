#!/usr/bin/env bash
# The benchmark: on this one machine, builds, measures the machine (pgbench -S), seeds, starts the platform in
# production mode (api + worker), runs the Locust scenarios headless, samples CPU, memory and what Postgres waits
# on, and writes a report (markdown, JSON, chart): latency, CPU milliseconds per request of each process, the top
# statements (pg_stat_statements, where the server preloads it), lock waits, projection lag.
#
#   npm run bench -- [--scale 1] [--users 2000] [--spawn-rate 50] [--duration 5m] [--seed 42]
#   npm run bench -- --scenario spec  # the specification's own scenarios (HttpUser); 1000 users, 3 min by default
#   npm run bench -- --smoke          # scale 0.01, 50 users, 30 s; fails on any unexpected Locust failure
#   npm run bench -- --reuse-data     # skip the seed when <db>_seeded already holds this scale and seed
#
# Data: the seed fills <db>_seeded (recording scale, seed, migrations and generator code in it); every run starts
# from a fresh copy of it in <db>, so no run sees what an earlier one wrote. --reuse-data keeps <db>_seeded when it
# holds the dataset asked for and refuses (exit 1, saying why) when it holds another one.
# Options: --scenario project|spec (locust/locustfile.py, FastHttpUser, the default · locust/spec_scenarios.py)
#          --port N (default 3100, smoke 3190) · --out DIR (default bench/results/<UTC time>, smoke bench/tmp/…)
#          --no-build · --no-search (skip search-vs-ILIKE) · --search-runs N (default 5) · --check / --no-check
#          (read-model checker after the load; default on in smoke mode, off at full scale where it takes minutes)
#          --no-pgbench · --pgbench-time S (the reference's seconds per protocol; default 10, smoke 3)
#          --locust-processes N (default 1: one Locust process; N > 1 runs a master and N workers, as one Python
#          process tops out near one core — ops/bench/locust-processes.sh)
#          --keep-running (leave api and worker up after the report, for poking at; Ctrl-C stops them)
#          --cpu-profile (V8 CPU profiles of api and worker, node --cpu-prof, in <out>/profiles; the report says
#          where their on-CPU time went, by package or source folder and by function)
#          --request-cost (after the load: the api's CPU per request for single public endpoints, paced as load
#          testers' users send them and back to back, beside a bare Node.js server's — ops/bench/request-cost.mjs;
#          with --cpu-profile, the profiles include these requests)
# Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/edu_bench, smoke …/edu_bench_smoke),
#              REDIS_URL (default redis://127.0.0.1:6379; the run uses a Redis key prefix of its own and deletes it).
# Exit status: non-zero when the platform fails to start, dies during the run, or any response was an unexpected
# failure (or, with --check, a read model differs from the write side). Timings never fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
set -- # with-node.sh runs its arguments when it has any
source ops/with-node.sh
set -- "${args[@]}"
root=$PWD

die() {
  echo "bench: $*" >&2
  exit 1
}
say() { echo "bench: $*" >&2; }

scale='' users='' spawn='' duration='' seed=42 smoke=0 port='' build=1 search='' search_runs=5 check='' out=''
keep_running=0 reuse=0 scenario=project pgbench=1 pgbench_time='' locust_processes=1 cpu_profile=0 request_cost=0
command_line="npm run bench --${*:+ $*}"
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --users | -u) users=$2; shift 2 ;;
    --spawn-rate | -r) spawn=$2; shift 2 ;;
    --duration | -t) duration=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --port) port=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-search) search=0; shift ;;
    --search-runs) search_runs=$2; shift 2 ;;
    --check) check=1; shift ;;
    --no-check) check=0; shift ;;
    --keep-running) keep_running=1; shift ;;
    --cpu-profile) cpu_profile=1; shift ;;
    --request-cost) request_cost=1; shift ;;
    --reuse-data) reuse=1; shift ;;
    --scenario) scenario=$2; shift 2 ;;
    --no-pgbench) pgbench=0; shift ;;
    --locust-processes) locust_processes=$2; shift 2 ;;
    --pgbench-time) pgbench_time=$2; shift 2 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
case "$scenario" in
  project) locustfile=locust/locustfile.py ;;
  spec) locustfile=locust/spec_scenarios.py ;;
  *) die "--scenario is project or spec" ;;
esac
if [ "$smoke" = 1 ]; then
  : "${scale:=0.01}" "${users:=50}" "${spawn:=10}" "${duration:=30s}" "${search:=0}" "${check:=1}" "${port:=3190}"
  : "${pgbench_time:=3}"
  mode=smoke
else
  # The specification's scenarios default to the issue's measuring point for them (1,000 users, 3 min).
  if [ "$scenario" = spec ]; then : "${users:=1000}" "${duration:=3m}"; fi
  : "${scale:=1}" "${users:=2000}" "${spawn:=50}" "${duration:=5m}" "${search:=1}" "${check:=0}" "${port:=3100}"
  : "${pgbench_time:=10}"
  mode=full
fi
[[ $scale =~ ^[0-9]*\.?[0-9]+$ ]] || die "--scale must be a number"
[[ $users =~ ^[0-9]+$ && $spawn =~ ^[0-9.]+$ ]] || die "--users and --spawn-rate must be numbers"
[[ $duration =~ ^[0-9]+[smh]?([0-9]+[smh])*$ ]] || die "--duration looks like 30s, 5m or 1h30m"
[[ $pgbench_time =~ ^[1-9][0-9]*$ ]] || die "--pgbench-time is a whole number of seconds"
[[ $locust_processes =~ ^[1-9][0-9]*$ ]] || die "--locust-processes is a whole number ≥ 1"

locust_bin=/usr/bin/locust
[ -x "$locust_bin" ] || die "Locust not found at $locust_bin: apt-get install -y python3-locust"
python=/usr/bin/python3
command -v redis-cli >/dev/null || die "redis-cli not found (apt-get install -y redis-tools)"
command -v psql >/dev/null || die "psql not found (apt-get install -y postgresql-client)"
[ "$pgbench" = 0 ] || command -v pgbench >/dev/null || die "pgbench not found (apt-get install -y postgresql-contrib, or --no-pgbench)"

stamp=$(date -u +%Y-%m-%dT%H-%M-%SZ)
if [ -z "$out" ]; then
  if [ "$mode" = smoke ]; then out="bench/tmp/smoke-$stamp"; else out="bench/results/$stamp"; fi
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

default_db=edu_bench
[ "$mode" = smoke ] && default_db=edu_bench_smoke
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$default_db}"
run_db=${DATABASE_URL##*/}
seeded_db=${run_db}_seeded
pgbench_db=edu_pgbench_reference_$$
db_url() { node -e "const u=new URL(process.argv[1]);u.pathname='/'+process.argv[2];process.stdout.write(u.toString())" "$DATABASE_URL" "$1"; }
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export REDIS_PREFIX="edu-bench-$stamp-$$"
export NODE_ENV=production LOG_LEVEL=warn FRONTEND_HANDLER='' HOST=127.0.0.1 PORT=$port WORKER_METRICS_PORT=$((port + 1))
JWT_SECRET=$(node -e "process.stdout.write(require('node:crypto').randomBytes(48).toString('base64url'))")
ADMIN_PASSWORD=$(node -e "process.stdout.write(require('node:crypto').randomBytes(18).toString('base64url'))")
export JWT_SECRET ADMIN_PASSWORD
redis_host=$(node -e "const u=new URL(process.env.REDIS_URL);process.stdout.write(u.hostname+' '+(u.port||6379))")
rcli() { redis-cli -h "${redis_host% *}" -p "${redis_host#* }" "$@"; }
sql() { psql "$DATABASE_URL" -X -v ON_ERROR_STOP=1 -Atq "$@"; }
# For CREATE and DROP DATABASE; no "does not exist, skipping" notices.
admin_sql() { PGOPTIONS='-c client_min_messages=warning' psql "$(db_url postgres)" -X -v ON_ERROR_STOP=1 -Atq "$@"; }

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is in use (pass --port)"; fi

# --- everything started from here on is stopped on exit, whatever happens ----------------------------------------
started=() # pids, in start order
pids_file="$out/pids"
: >"$pids_file"
start() { # start ROLE LOGFILE command...
  local role=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 &
  started+=($!)
  echo "$role=$!" >>"$pids_file"
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local i pid
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do kill -TERM "${started[i]}" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${started[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${started[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # The run's queues and rate-limit keys: nothing of it may stay behind in Redis.
  rcli --scan --pattern "$REDIS_PREFIX:*" 2>/dev/null | xargs -r -n 500 redis-cli -h "${redis_host% *}" -p "${redis_host#* }" unlink >/dev/null 2>&1 || true
  [ "$pgbench" = 0 ] || admin_sql -c "DROP DATABASE IF EXISTS \"$pgbench_db\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -f "$pids_file"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

alive() { kill -0 "$1" 2>/dev/null; }

say "mode $mode, $scenario scenarios: scale $scale, $users users at $spawn/s for $duration, port $port, results in ${out#"$root"/}"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$build" = 1 ]; then
  say "building the backend"
  npm run build --silent -w backend >"$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; die "build failed"; }
fi

# The machine's reference: pgbench's select-only load at scale 10 (8 clients, 2 threads), simple and prepared
# protocol, in a scratch database of its own, so runs on machines of different speed can be compared. A shared
# machine's speed drifts (here by half within an hour), so it is measured before seeding and again after the
# load; its files are pgbench-<protocol>.txt and pgbench-<protocol>-after.txt.
reference() { # [suffix of the files]
  for protocol in simple prepared; do
    pgbench -S -c 8 -j 2 -T "$pgbench_time" -M "$protocol" "$(db_url "$pgbench_db")" >"$out/pgbench-$protocol$1.txt" 2>&1 ||
      die "pgbench -S -M $protocol failed (see $out/pgbench-$protocol$1.txt)"
    say "  $protocol: $(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$out/pgbench-$protocol$1.txt") TPS"
  done
}
if [ "$pgbench" = 1 ]; then
  say "pgbench -S reference (scale 10, 8 clients, 2 threads, ${pgbench_time} s per protocol)"
  admin_sql -c "DROP DATABASE IF EXISTS \"$pgbench_db\"" -c "CREATE DATABASE \"$pgbench_db\""
  pgbench -i -s 10 -q "$(db_url "$pgbench_db")" >"$out/pgbench-init.log" 2>&1 || die "pgbench -i failed (see $out/pgbench-init.log)"
  reference ''
fi

if [ "$reuse" = 1 ]; then say "seeding $seeded_db at scale $scale unless it already holds that dataset"; else say "seeding $seeded_db at scale $scale"; fi
seed_status=0
DATABASE_URL=$(db_url "$seeded_db") node seed/seed.ts --scale "$scale" --seed "$seed" "$([ "$reuse" = 1 ] && echo --reuse || echo --reset)" \
  --timings "$out/seed.json" 2> >(tee "$out/seed.log" >&2) || seed_status=$?
[ "$seed_status" = 3 ] && die "--reuse-data refused (above); run without --reuse-data to seed $seeded_db again"
[ "$seed_status" = 0 ] || die "seed failed (see $out/seed.log)"
# The run's own copy of the seeded data. A small one goes through the WAL (no checkpoint to wait for, which on a
# busy shared server can take longer than the copy); a big one is copied as files, so as not to flood the WAL.
strategy=$(admin_sql -c "SELECT CASE WHEN pg_database_size('$seeded_db') < 1024 ^ 3 THEN 'WAL_LOG' ELSE 'FILE_COPY' END")
say "copying $seeded_db to $run_db ($strategy)"
copy_started=$(date +%s.%N)
admin_sql -c "DROP DATABASE IF EXISTS \"$run_db\" WITH (FORCE)" \
  -c "CREATE DATABASE \"$run_db\" TEMPLATE \"$seeded_db\" STRATEGY $strategy"
copy_seconds=$(awk -v from="$copy_started" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }')

say "starting api and worker (NODE_ENV=production)"
profile() { # profile ROLE: node's flags for a CPU profile of that process, written when it exits
  [ "$cpu_profile" = 1 ] && echo "--cpu-prof --cpu-prof-dir=$out/profiles --cpu-prof-name=$1.cpuprofile"
  return 0
}
# shellcheck disable=SC2046 # the flags are words
start api "$out/api.log" node $(profile api) backend/dist/src/main.api.js
api_pid=${started[-1]}
# shellcheck disable=SC2046
start worker "$out/worker.log" node $(profile worker) backend/dist/src/main.worker.js
worker_pid=${started[-1]}
base="http://127.0.0.1:$port"
for i in $(seq 1 120); do
  alive "$api_pid" || { tail -20 "$out/api.log" >&2; die "the api exited during start-up"; }
  alive "$worker_pid" || { tail -20 "$out/worker.log" >&2; die "the worker exited during start-up"; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ] && break
  [ "$i" = 120 ] && die "not ready after 60 s: $(curl -s "$base/health/ready")"
  sleep 0.5
done
say "ready: $(curl -s "$base/health/ready")"

redis_snapshot() { # redis_snapshot FILE
  { rcli info memory | tr -d '\r'; echo "prefix_keys:$(rcli --scan --pattern "$REDIS_PREFIX:*" | wc -l)"; } >"$1"
}
redis_snapshot "$out/redis-before.txt"

# The processes whose CPU the report divides by the requests: the postmaster of the benchmark database's server
# (the checkpointer's parent; none when the server is not on this machine) and the Redis server.
proc_parent() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f2; }
checkpointer=$(sql -c "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")
postgres_pid=$(proc_parent "$checkpointer")
[ "$(cat "/proc/$postgres_pid/comm" 2>/dev/null)" = postgres ] || postgres_pid=''
redis_pid=$(rcli info server | tr -d '\r' | sed -n 's/^process_id://p')
[[ "$(cat "/proc/$redis_pid/comm" 2>/dev/null)" == redis-server* ]] || redis_pid=''
[ -n "$postgres_pid" ] || say "the Postgres server is not on this machine: no Postgres CPU in the report"
[ -n "$redis_pid" ] || say "the Redis server is not on this machine: no Redis CPU in the report"
cpu_snapshot() { # cpu_snapshot FILE
  "$python" ops/bench/cpu.py snapshot "$1" --pids-file "$pids_file" --database "$run_db" \
    ${postgres_pid:+--postgres-pid "$postgres_pid"} ${redis_pid:+--redis-pid "$redis_pid"}
}

start sampler "$out/sampler.log" "$python" ops/bench/sample.py "$out/samples.csv" --interval 5 --pids-file "$pids_file" \
  --database "$run_db" ${postgres_pid:+--postgres-pid "$postgres_pid"} ${redis_pid:+--redis-pid "$redis_pid"}
redis_sampler() {
  echo "time,used_memory"
  while true; do
    echo "$(date +%s),$(rcli info memory | tr -d '\r' | sed -n 's/^used_memory://p')"
    sleep 5
  done
}
start redis-sampler "$out/redis-samples.csv" redis_sampler
# What the benchmark database's backends wait on, every 0.2 s from one session (see pg-waits.sql).
pg_sampler() {
  echo "time,kind,class,application,count,query"
  exec psql "$DATABASE_URL" -X -At --csv -P pager=off -f ops/bench/pg-waits.sql 2>/dev/null
}
start pg-sampler "$out/pg-waits.csv" pg_sampler

# Top statements of the run where the server preloads pg_stat_statements (it cannot be loaded without a restart,
# which the benchmark never does to a shared server); their counters are reset for this database only.
statements=$(sql -c "SELECT CASE
    WHEN NOT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_stat_statements') THEN 'not installed on the server'
    WHEN NOT 'pg_stat_statements' = ANY (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ','))
      THEN 'not loaded (shared_preload_libraries = ' || quote_literal(current_setting('shared_preload_libraries')) || ')'
    ELSE 'on' END")
if [ "$statements" = on ]; then
  sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
    -c "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)" >/dev/null
else
  say "pg_stat_statements $statements: no top statements in the report"
fi

say "running Locust ($locustfile): $users users, spawn rate $spawn/s, $duration"
cpu_snapshot "$out/cpu-start.json"
locust_started=$(date +%s.%N)
# Under cpu.py, which records Locust's CPU when it exits (before the window's closing snapshot).
start locust "$out/locust.out" "$python" ops/bench/cpu.py run "$out/cpu-locust.json" -- \
  env EDU_SCALE="$scale" bash ops/bench/locust-processes.sh "$locust_processes" "$locust_bin" -f "$locustfile" --host "$base" --headless \
  -u "$users" -r "$spawn" -t "$duration" --csv "$out/locust" --csv-full-history --only-summary --loglevel WARNING \
  --logfile "$out/locust.log" --exit-code-on-error 1 --stop-timeout 5
locust_pid=${started[-1]}
locust_exit=0
wait "$locust_pid" || locust_exit=$?
locust_finished=$(date +%s.%N)
platform_ok=1
alive "$api_pid" || { platform_ok=0; say "the api died during the run"; }
alive "$worker_pid" || { platform_ok=0; say "the worker died during the run"; }
say "Locust finished (exit $locust_exit); waiting for the projections to drain"

# Drained: no unpublished outbox row and no waiting or active projection job.
outbox_union=$(sql -c "SELECT string_agg(format('SELECT count(*) FROM %I.outbox WHERE published_at IS NULL', table_schema), ' UNION ALL ')
                        FROM information_schema.tables WHERE table_name = 'outbox'")
for _ in $(seq 1 60); do
  pending=$(sql -c "SELECT coalesce(sum(count), 0) FROM ($outbox_union) t(count)")
  jobs=$(curl -s "$base/metrics" | awk '/^projection_queue_jobs\{/ && /state="(waiting|active|delayed)"/ {s+=$2} END {print s+0}')
  [ "$pending" = 0 ] && [ "$jobs" = 0 ] && break
  sleep 0.5
done
say "outbox backlog $pending, queued projection jobs $jobs"
# The measured window closes once the projections have caught up with the load: their work is part of its cost.
cpu_snapshot "$out/cpu-end.json"
if [ "$statements" = on ]; then
  sql -c "
    WITH s AS (
      SELECT * FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query !~* 'pg_stat_(activity|statements)')
    SELECT json_build_object(
      'calls', (SELECT sum(calls) FROM s),
      'total_exec_ms', (SELECT round(sum(total_exec_time)::numeric, 1) FROM s),
      'planning_tracked', current_setting('pg_stat_statements.track_planning')::boolean,
      'total_plan_ms', (SELECT round(sum(total_plan_time)::numeric, 1) FROM s),
      'top', (SELECT coalesce(json_agg(t ORDER BY t.total_exec_ms DESC), '[]') FROM (
        SELECT left(regexp_replace(query, '\s+', ' ', 'g'), 400) AS query, calls,
               round(total_exec_time::numeric, 1) AS total_exec_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
               rows, shared_blks_hit, shared_blks_read, wal_bytes
          FROM s ORDER BY total_exec_time DESC LIMIT 15) t),
      'by_calls', (SELECT coalesce(json_agg(t ORDER BY t.calls DESC), '[]') FROM (
        SELECT left(regexp_replace(query, '\s+', ' ', 'g'), 400) AS query, calls,
               round(mean_exec_time::numeric, 3) AS mean_ms
          FROM s ORDER BY calls DESC LIMIT 12) t),
      'by_planning', (SELECT coalesce(json_agg(t ORDER BY t.total_plan_ms DESC), '[]') FROM (
        SELECT left(regexp_replace(query, '\s+', ' ', 'g'), 400) AS query, plans,
               round(total_plan_time::numeric, 1) AS total_plan_ms, round(mean_plan_time::numeric, 3) AS mean_plan_ms
          FROM s WHERE total_plan_time > 0 ORDER BY total_plan_time DESC LIMIT 10) t))" >"$out/pg-statements.json"
fi
curl -s "$base/metrics" >"$out/metrics-api.txt" || true
curl -s "http://127.0.0.1:$((port + 1))/metrics" >"$out/metrics-worker.txt" || true
redis_snapshot "$out/redis-after.txt"
# After everything the load is judged by was read, so its requests count in none of it.
if [ "$request_cost" = 1 ]; then
  say "measuring the api's CPU per request, endpoint by endpoint (about 2.5 min)"
  node ops/bench/request-cost.mjs --base "$base" --pid "$api_pid" --out "$out/request-cost.json"
fi

# Projection lag of every event committed during the load, from the database: the outbox's occurred_at to the
# start of the transaction that recorded it applied.
events=$(sql -c "SELECT string_agg(format('SELECT event_id, occurred_at FROM %I.outbox', table_schema), ' UNION ALL ')
                  FROM information_schema.tables WHERE table_name = 'outbox'")
sql -c "
  WITH lags AS (
    SELECT a.projection, extract(epoch FROM a.applied_at - e.occurred_at) * 1000 AS ms
      FROM read.applied_events a JOIN ($events) e USING (event_id)
     WHERE e.occurred_at BETWEEN to_timestamp($locust_started) AND to_timestamp($locust_finished))
  SELECT coalesce(json_agg(t ORDER BY t.projection NULLS LAST), '[]') FROM (
    SELECT projection, count(*) AS events,
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS p50_ms,
           round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS p95_ms,
           round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS p99_ms,
           round(max(ms)::numeric, 1) AS max_ms
      FROM lags GROUP BY ROLLUP (projection)) t" >"$out/lag.json"

check_ok=1
if [ "$check" = 1 ]; then
  if [ -f backend/dist/src/cli/read-models.js ]; then
    say "checking every read model against the write side"
    node backend/dist/src/cli/read-models.js check >"$out/read-models-check.txt" 2>&1 || check_ok=0
    tail -1 "$out/read-models-check.txt" >&2
  else
    say "no read-model checker built (backend/dist/src/cli/read-models.js); skipped"
  fi
fi

[ "$cpu_profile" = 1 ] && [ "$keep_running" = 1 ] && say "--keep-running: the CPU profiles are written when api and worker stop, after the report"
if [ "$keep_running" = 0 ]; then
  say "stopping api and worker"
  kill -TERM "$api_pid" "$worker_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do (alive "$api_pid" || alive "$worker_pid") || break; sleep 0.2; done
fi
for role_pid in $(grep -E '^(sampler|redis-sampler|pg-sampler)=' "$pids_file"); do kill -TERM "${role_pid#*=}" 2>/dev/null || true; done

if [ "$pgbench" = 1 ]; then
  say "pgbench -S reference again, after the load"
  reference -after
  admin_sql -c "DROP DATABASE \"$pgbench_db\""
fi

if [ "$search" = 1 ]; then
  courses=$(node -e "process.stdout.write(String(Math.max(4, Math.round(100000 * $scale))))")
  say "search vs ILIKE over $courses courses ($search_runs runs per term)"
  node ops/bench/search-bench.ts --courses "$courses" --runs "$search_runs" --seed "$seed" --out "$out" \
    --database edu_bench_search >"$out/search-bench.log" 2>&1 || say "search-bench failed (see $out/search-bench.log)"
fi

# Parameters and environment of the run, for the report.
export B_COMMAND="$command_line" B_MODE=$mode B_SCALE=$scale B_SEED=$seed B_USERS=$users B_SPAWN=$spawn
export B_SCENARIO=$scenario B_LOCUSTFILE=$locustfile B_REUSE=$reuse B_SEEDED_DB=$seeded_db B_RUN_DB=$run_db
export B_COPY_SECONDS=$copy_seconds B_POSTGRES_PID=$postgres_pid B_REDIS_PID=$redis_pid B_STATEMENTS=$statements
export B_LOCUST_PROCESSES=$locust_processes B_LOAD_BEFORE=$load_before B_PGBENCH_TIME=$([ "$pgbench" = 1 ] && echo "$pgbench_time")
export B_DURATION=$duration B_STARTED_AT=$stamp B_LOCUST_STARTED=$locust_started B_LOCUST_FINISHED=$locust_finished
export B_LOCUST_EXIT=$locust_exit B_PLATFORM_OK=$platform_ok B_CHECK_OK=$check_ok B_OUTBOX_PENDING=${pending:-} B_JOBS=${jobs:-}
B_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
B_DIRTY=$([ -n "$(git status --porcelain 2>/dev/null)" ] && echo 1 || echo 0)
B_LOCUST_VERSION=$(dpkg-query -W -f='${Version}' python3-locust 2>/dev/null || "$locust_bin" --version 2>&1 | awk '{print $2}')
B_POSTGRES=$(sql -c "SELECT split_part(version(), ' on ', 1)")
B_REDIS=$(rcli info server | tr -d '\r' | sed -n 's/^redis_version://p')
B_NODE=$(node --version)
export B_COMMIT B_DIRTY B_LOCUST_VERSION B_POSTGRES B_REDIS B_NODE
"$python" - "$out/run.json" <<'EOF'
import json, os, sys
e = os.environ
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal:"))
json.dump({
    "command": e["B_COMMAND"], "mode": e["B_MODE"], "scale": float(e["B_SCALE"]), "seed": int(e["B_SEED"]),
    "users": int(e["B_USERS"]), "spawn_rate": float(e["B_SPAWN"]), "duration": e["B_DURATION"],
    "started_at": e["B_STARTED_AT"], "locust_started": float(e["B_LOCUST_STARTED"]),
    "locust_finished": float(e["B_LOCUST_FINISHED"]), "locust_exit": int(e["B_LOCUST_EXIT"]),
    "platform_survived": e["B_PLATFORM_OK"] == "1", "read_models_consistent": e["B_CHECK_OK"] == "1",
    "outbox_unpublished_after": e["B_OUTBOX_PENDING"], "projection_jobs_queued_after": e["B_JOBS"],
    "commit": e["B_COMMIT"], "dirty": e["B_DIRTY"] == "1", "locust_version": e["B_LOCUST_VERSION"],
    "postgres": e["B_POSTGRES"], "redis": e["B_REDIS"], "node": e["B_NODE"], "cpus": os.cpu_count(),
    "memory_gib": round(mem / 1048576, 1), "load_average_before": e["B_LOAD_BEFORE"],
    "scenario": e["B_SCENARIO"], "locustfile": e["B_LOCUSTFILE"], "reuse_data": e["B_REUSE"] == "1",
    "seeded_database": e["B_SEEDED_DB"], "database": e["B_RUN_DB"], "copy_seconds": float(e["B_COPY_SECONDS"]),
    "postgres_pid": e["B_POSTGRES_PID"] or None, "redis_pid": e["B_REDIS_PID"] or None,
    "pg_stat_statements": e["B_STATEMENTS"],
    "pgbench_seconds": int(e["B_PGBENCH_TIME"]) if e["B_PGBENCH_TIME"] else None,
    "locust_processes": int(e["B_LOCUST_PROCESSES"]),
}, open(sys.argv[1], "w"), indent=2)
EOF
node ops/bench/report.mjs "$out" >&2
rm -f "$out/pids" "$out/sampler.log"
# A collapsing run logs an error per request: keep the evidence, not tens of megabytes of it.
for log in "$out"/*.log; do
  if [ "$(stat -c %s "$log")" -gt 1048576 ]; then gzip -9 "$log"; fi
done
sed -n '/^## Targets/,/^## Per endpoint/p' "$out/report.md" | sed '$d' >&2

unexpected=$(node -e "const r=require('$out/report.json');process.stdout.write(String(r.failures.reduce((s,f)=>s+f.occurrences,0)))")
verdict=0
[ "$platform_ok" = 1 ] || verdict=1
[ "$check_ok" = 1 ] || { say "a read model differs from the write side (see read-models-check.txt)"; verdict=1; }
if [ "$unexpected" != 0 ]; then
  say "$unexpected unexpected failures (see 'Failures by reason' in ${out#"$root"/}/report.md)"
  verdict=1
elif [ "$locust_exit" != 0 ]; then
  say "Locust exited with $locust_exit (see $out/locust.log)"
  verdict=1
fi
say "report: ${out#"$root"/}/report.md"
if [ "$keep_running" = 1 ]; then
  say "api on $base and worker still running; Ctrl-C stops them"
  wait "$api_pid" "$worker_pid" || true
fi
exit "$verdict"
