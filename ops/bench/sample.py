#!/usr/bin/python3
"""Samples CPU and memory of the benchmark's processes every few seconds until it is stopped (SIGTERM/SIGINT).

    sample.py OUT.csv --interval 5 --pids-file PIDS --database edu_bench [--postgres-pid N] [--redis-pid N]

PIDS holds `role=pid` lines (api, worker, locust, ...) and is re-read at every sample, so processes started later
are picked up; each role is its process and all its descendants. Postgres is the postmaster --postgres-pid and all
its children (without it, every postmaster on the machine), Redis the server --redis-pid (without it, every
redis-server). Each CSV row: unix time, role, CPU over the last interval in % of one core (200 = both cores of a
2-core machine), memory in MiB. Postgres memory is the sum of PSS (shared buffers counted once, not once per
backend); other roles report RSS. `postgres-db` is the subset of backends connected to --database (the benchmark's
own connections); `machine` is the whole machine's busy CPU from /proc/stat.

cpu.py imports the /proc readers below for its CPU-time snapshots.
"""

import argparse
import os
import signal
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
stop = False


def on_signal(*_):
    global stop
    stop = True


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def stat(pid):
    """(comm, ppid, cpu ticks, ticks of its reaped children) of a process, or None once it is gone."""
    raw = read("/proc/%d/stat" % pid)
    if raw is None:
        return None
    text = raw.decode("utf-8", "replace")
    comm = text[text.index("(") + 1 : text.rindex(")")]
    fields = text[text.rindex(")") + 2 :].split()
    return comm, int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def memory_kib(pid, proportional):
    if proportional:
        raw = read("/proc/%d/smaps_rollup" % pid)
        if raw:
            for line in raw.decode().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    raw = read("/proc/%d/status" % pid)
    if raw:
        for line in raw.decode().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def all_processes():
    procs = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            info = stat(int(name))
            if info:
                procs[int(name)] = info
    return procs


def cmdline(pid):
    raw = read("/proc/%d/cmdline" % pid)
    return raw.decode("utf-8", "replace").replace("\0", " ") if raw else ""


def machine_ticks():
    fields = read("/proc/stat").decode().splitlines()[0].split()[1:]
    values = [int(v) for v in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values[:8]) - idle


def tree(roots, procs):
    """The given processes and all their descendants that are alive."""
    children = {}
    for pid, info in procs.items():
        children.setdefault(info[1], []).append(pid)
    found, todo = [], [pid for pid in roots if pid in procs]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def roles_now(pids_file, database, postgres_pid=None, redis_pid=None):
    """(role -> [pid, ...], every process) for this sample."""
    procs = all_processes()
    roles = {}
    if pids_file and os.path.exists(pids_file):
        with open(pids_file) as f:
            for line in f:
                if "=" in line:
                    role, pid = line.strip().split("=", 1)
                    if pid.isdigit():
                        roles.setdefault(role, []).append(int(pid))
    roles = {role: tree(pids, procs) for role, pids in roles.items()}
    if postgres_pid:
        postmasters = [postgres_pid]
    else:
        postgres = {pid for pid, info in procs.items() if info[0] == "postgres" or info[0].startswith("postgres:")}
        postmasters = [pid for pid in postgres if procs[pid][1] not in postgres]
    roles["postgres"] = tree(postmasters, procs)
    if database:
        marker = " %s " % database
        roles["postgres-db"] = [pid for pid in roles["postgres"] if marker in cmdline(pid)]
    if redis_pid:
        roles["redis"] = [redis_pid] if redis_pid in procs else []
    else:
        roles["redis"] = [pid for pid, info in procs.items() if info[0] == "redis-server"]
    return roles, procs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--pids-file")
    parser.add_argument("--database")
    parser.add_argument("--postgres-pid", type=int)
    parser.add_argument("--redis-pid", type=int)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    previous = {pid: info[2] for pid, info in all_processes().items()}  # pid -> ticks at the last sample
    last_machine = machine_ticks()
    last_time = time.time()
    with open(args.out, "w", buffering=1) as out:
        out.write("time,role,cpu_percent,memory_mib\n")
        while not stop:
            deadline = time.time() + args.interval
            while not stop and time.time() < deadline:
                time.sleep(0.2)
            now = time.time()
            elapsed = max(1e-6, now - last_time)
            roles, procs = roles_now(args.pids_file, args.database, args.postgres_pid, args.redis_pid)
            ticks_now = {pid: info[2] for pid, info in procs.items()}
            for role, pids in sorted(roles.items()):
                # Per process: one that started during the interval counts from 0, one that ended drops out.
                ticks = sum(ticks_now[pid] - previous.get(pid, 0) for pid in pids if pid in ticks_now)
                if role.startswith("postgres"):
                    mem = sum(memory_kib(pid, True) for pid in pids if pid in ticks_now)
                else:
                    mem = sum(memory_kib(pid, False) for pid in pids if pid in ticks_now)
                out.write("%.1f,%s,%.1f,%.1f\n" % (now, role, 100.0 * ticks / TICK / elapsed, mem / 1024.0))
            machine = machine_ticks()
            out.write("%.1f,machine,%.1f,\n" % (now, 100.0 * (machine - last_machine) / TICK / elapsed))
            last_machine = machine
            previous = ticks_now
            last_time = now
    return 0


if __name__ == "__main__":
    sys.exit(main())
