#!/usr/bin/python3
"""CPU time of the benchmark's processes, for the report's CPU milliseconds per request.

    cpu.py snapshot OUT.json --pids-file PIDS --database edu_bench [--postgres-pid N] [--redis-pid N]
    cpu.py run OUT.json -- COMMAND [ARG...]

`snapshot` writes the CPU time (user + system, in ms) each role has used so far: every process of the role's tree
(as sample.py finds them) plus what the processes of the tree have reaped from exited children, so a Postgres
backend that ends between two snapshots still counts (the postmaster reaps it). Two snapshots give the CPU of the
window between them. It also writes the time of each backend of --database, and the machine's busy time.

`run` runs COMMAND as its child, passes SIGTERM and SIGINT on, and when it ends writes the CPU time of its whole
life (its reaped children included); it exits with the command's status. The benchmark runs Locust under it, since
Locust has exited before the window's closing snapshot.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time

from sample import TICK, cmdline, machine_ticks, roles_now

ROLES = ("api", "worker", "postgres", "redis")


def ms(ticks):
    return round(1000.0 * ticks / TICK, 1)


def snapshot(argv):
    parser = argparse.ArgumentParser(prog="cpu.py snapshot")
    parser.add_argument("out")
    parser.add_argument("--pids-file", required=True)
    parser.add_argument("--database")
    parser.add_argument("--postgres-pid", type=int)
    parser.add_argument("--redis-pid", type=int)
    args = parser.parse_args(argv)
    roles, procs = roles_now(args.pids_file, args.database, args.postgres_pid, args.redis_pid)
    result = {"time": time.time(), "machine_ms": ms(machine_ticks()), "roles": {}, "database_backends": {}}
    # Postgres and Redis only when named: a server on another machine has no CPU to read here.
    measured = [r for r in ROLES if {"postgres": args.postgres_pid, "redis": args.redis_pid}.get(r, True)]
    for role in measured:
        pids = roles.get(role, [])
        if pids:
            result["roles"][role] = ms(sum(procs[pid][2] + procs[pid][3] for pid in pids))
    for pid in roles.get("postgres-db", []):
        # Keyed by pid and start of the command line, so a reused pid is not taken for the same backend.
        result["database_backends"]["%d %s" % (pid, cmdline(pid)[:60])] = ms(procs[pid][2])
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    return 0


def run(argv):
    if len(argv) < 3 or argv[1] != "--":
        print("usage: cpu.py run OUT.json -- COMMAND [ARG...]", file=sys.stderr)
        return 2
    out, command = argv[0], argv[2:]
    started = time.time()
    child = subprocess.Popen(command)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda number, _frame: child.send_signal(number))
    _, status, usage = os.wait4(child.pid, 0)  # retried by Python when a passed-on signal interrupts it
    code = child.returncode = os.waitstatus_to_exitcode(status)
    with open(out, "w") as f:
        json.dump(
            {
                "started": started,
                "finished": time.time(),
                "ms": round(1000.0 * (usage.ru_utime + usage.ru_stime), 1),
                "exit": code,
            },
            f,
            indent=1,
        )
    # A command killed by a signal: exit as the shell would report it.
    return code if code >= 0 else 128 - code


def main():
    commands = {"snapshot": snapshot, "run": run}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print("usage: cpu.py snapshot|run ... (see the top of this file)", file=sys.stderr)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
