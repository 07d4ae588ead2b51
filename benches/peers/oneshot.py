#!/usr/bin/env python3
"""One-shot timings: a fresh `chronograph` process per query, on a warm OS cache,
for the peers' five questions (what a person at the shell waits for).

Usage: python3 oneshot.py BIN DB DATA_DIR [RUNS]
  BIN: target/release/chronograph; DB: a store loaded with to_bundles.py output;
  DATA_DIR: the peers' data folder (params.json, actors.csv).
Prints, per query, the median wall time of RUNS runs after one warm-up run,
the median CPU time (user + system) of those processes, the size of the
answer and the command. On a shared machine the CPU time is the steadier
figure: wall time there includes waiting for a core.

The commands answer the question as a person asks it, with chronograph's own
semantics: `timeline` lists events overlapping the window with their reports
and participants (a superset of the peers' "starts within", with reports of
one event joined); Q4 runs `conflicts --summary` (one line per contested
subject, which is the peers' answer); FULL_Q4=1 adds `conflicts` printing
every side of every group. The in-process bench (benches/peers.rs) answers the
peers' exact semantics and checks their checksums.
"""
import csv
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time


def main():
    binary, db, data = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    p = json.load(open(os.path.join(data, "params.json")))
    names = {}
    with open(os.path.join(data, "actors.csv"), newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            names[int(row[0])] = row[1]
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    claim = con.execute("SELECT id FROM claims WHERE local_id = ?", (f"c{p['q5']['claims'][0]}",)).fetchone()[0]
    con.close()
    queries = [
        ("Q1a", ["timeline", "--from", p["q1a"]["from"], "--to", p["q1a"]["to"], "--format", "json"]),
        ("Q1b", ["timeline", "--actor", names[p["q1b"]["actor"]], "--from", p["q1b"]["from"], "--to", p["q1b"]["to"],
                 "--format", "json"]),
        ("Q2", ["neighbors", names[p["q2"]["actor"]], "--hops", str(p["q2"]["max_hops"] // 2), "--format", "json"]),
        ("Q3", ["path", names[p["q3"]["a"]], names[p["q3"]["b"]], "--max-hops", "15", "--format", "json"]),
        ("Q4", ["conflicts", "--tolerance", "0", "--window", "0", "--summary", "--format", "json"]),
        ("Q5", ["sources", str(claim), "--format", "json"]),
    ]
    if os.environ.get("FULL_Q4"):
        queries.append(("Q4", ["conflicts", "--tolerance", "0", "--window", "0", "--format", "json"]))
    for name, args in queries:
        cmd = [binary, "--db", db] + args
        out = subprocess.run(cmd, capture_output=True, check=True).stdout
        ts, cpu = [], []
        for _ in range(runs):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            ts.append((time.perf_counter() - t) * 1000)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
        v = json.loads(out)
        if name == "Q4" and isinstance(v, list):
            size = f"{len(v)} groups, {sum(r['disagreeing_pairs'] for r in v)} pairs"
        elif name == "Q3":
            size = f"{len(v['steps'])} edges" if v else "no path"
        elif name == "Q4":
            size = f"{len(v['conflicts'])} groups, {sum(len(g['disagreements']) for g in v['conflicts'])} pairs"
        elif name == "Q5":
            size = f"{len(v['carriers'])} carrier(s), chain of {len(v['chain'])}"
        else:
            size = f"{len(v)} rows"
        print(f"{name}\t{statistics.median(ts):.1f} ms\tcpu {statistics.median(cpu):.1f} ms\t{size}\t{' '.join(args)}")


if __name__ == "__main__":
    main()
