#!/usr/bin/env python3
"""The peers and chronograph in one sitting, side by side, with ratios.

Usage: python3 sitting.py --peers-dir DIR --n N --bundles B.jsonl [--bin BIN] [--runs R]
                          [--peers sqlite,duckdb] [--only-peer-queries Q1a,Q1b,...] [--work DIR]
       (ONLY_sqlite=Q1a,Q1b,Q5 in the environment narrows one peer's queries)

  --peers-dir: a writable copy of the peers' folder (../shared/bench/peers) with its
               .venv installed and data/n<N> generated (see its README);
  --bundles:   that data converted with benches/peers/to_bundles.py;
  --bin:       the chronograph binary (default target/release/chronograph).

What it does, in this order, on the same machine within minutes:
1. each peer in its own process (`peer_<name>.py --n N`, under /usr/bin/time -v):
   load time, disk size, peak RSS and its in-process query medians;
2. a fresh `sqlite3` process per question on the SQLite peer's database (what a
   person at the shell would run against it: one-shot, like chronograph's commands);
3. `chronograph ingest` of the bundles into a new database (wall, CPU, peak RSS),
   then the size of the database and of its derived files (`DB.cache/`);
4. each question as a fresh chronograph process: the first run right after the
   ingest ("first"), then the median of R runs ("warm"), wall and CPU.
It prints one markdown table: load and each query, the best peer, chronograph first
and warm, and the ratios chronograph / best peer (below 1 = chronograph faster). The
load average is printed before and after: on a shared machine wall times follow it.
"""
import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

QUERIES = ["Q1a", "Q1b", "Q2", "Q3", "Q4", "Q5"]


def loadavg():
    return open("/proc/loadavg").read().split()[:3]


def timed(cmd, **kw):
    """(wall ms, cpu ms, stdout) of one fresh process."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, check=True, **kw).stdout
    wall = (time.perf_counter() - t) * 1000
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000
    return wall, cpu, out


def time_v(path):
    """Elapsed seconds and peak RSS (MB) from a `/usr/bin/time -v` report."""
    wall = rss = None
    for line in open(path):
        line = line.strip()
        if line.startswith("Maximum resident set size"):
            rss = int(line.split(":")[1]) / 1024
        elif line.startswith("Elapsed (wall clock)"):
            v = line.rsplit(" ", 1)[1].split(":")
            wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(v)))
        elif line.startswith("User time"):
            user = float(line.split(":")[1])
        elif line.startswith("System time"):
            sys_ = float(line.split(":")[1])
    return wall, rss, user + sys_


def du_mb(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs) / 2**20
    return os.path.getsize(path) / 2**20 if os.path.exists(path) else 0.0


def run_peers(a, work):
    res = {}
    py = os.path.join(a.peers_dir, ".venv", "bin", "python")
    for peer in a.peers:
        script = {"sqlite": "peer_sqlite.py", "duckdb": "peer_duckdb.py", "networkx": "peer_networkx.py",
                  "kuzu": "peer_kuzu.py", "ladybug": "peer_kuzu.py", "igraph": "peer_glib.py",
                  "rustworkx": "peer_glib.py"}[peer]
        out = os.path.join(work, f"{peer}.json")
        cmd = [py, script, "--n", str(a.n), "--out", out, "--db", os.path.join(work, "peersdb")]
        if peer in ("kuzu", "ladybug", "igraph", "rustworkx"):
            cmd += ["--engine", peer]
        # ONLY_<peer>=Q1a,Q5 narrows one peer (as run_all.sh does): the SQLite peer's Q3 and Q4
        # take minutes at 1e6.
        only = os.environ.get(f"ONLY_{peer}") or a.only_peer_queries
        if only:
            cmd += ["--only", only]
        tv = os.path.join(work, f"{peer}.time")
        print(f"== {peer}: {' '.join(cmd)}", file=sys.stderr)
        subprocess.run(["/usr/bin/time", "-v", "-o", tv] + cmd, cwd=a.peers_dir, check=True,
                       stdout=subprocess.DEVNULL)
        r = json.load(open(out))
        r["rss_mb"] = time_v(tv)[1]
        res[peer] = r
    return res


def sqlite_oneshot(a, work, params, runs):
    """A fresh `sqlite3` process per question on the SQLite peer's file (Q1a, Q1b, Q5)."""
    db = os.path.join(work, "peersdb", "sqlite.db")
    if not (shutil.which("sqlite3") and os.path.exists(db)):
        return {}
    p = params
    sql = {
        "Q1a": f"SELECT id FROM events WHERE start_date BETWEEN '{p['q1a']['from']}' AND '{p['q1a']['to']}' "
               "ORDER BY start_date, id",
        "Q1b": "SELECT e.id FROM event_participants p JOIN events e ON e.id = p.event_id WHERE p.actor_id = "
               f"{int(p['q1b']['actor'])} AND e.start_date BETWEEN '{p['q1b']['from']}' AND '{p['q1b']['to']}' "
               "ORDER BY e.start_date, e.id",
        "Q5": "SELECT c.id, c.claimant_actor_id, a.name, c.via_actor_id, v.name, c.document_id, d.published_date, "
              "d.outlet_actor_id, o.name FROM claims c JOIN actors a ON a.id = c.claimant_actor_id "
              "LEFT JOIN actors v ON v.id = c.via_actor_id JOIN documents d ON d.id = c.document_id "
              f"JOIN actors o ON o.id = d.outlet_actor_id WHERE c.id = {int(p['q5']['claims'][0])}",
    }
    out = {}
    for q, s in sql.items():
        cmd = ["sqlite3", "-readonly", db, s]
        timed(cmd)
        ws = [timed(cmd) for _ in range(runs)]
        out[q] = statistics.median(w for w, _, _ in ws)
    return out


def chronograph_queries(a, db, params):
    names = {}
    with open(os.path.join(a.peers_dir, "data", f"n{a.n}", "actors.csv"), newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            names[int(row[0])] = row[1]
    import sqlite3
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    claim = con.execute("SELECT id FROM claims WHERE local_id = ?", (f"c{params['q5']['claims'][0]}",)).fetchone()[0]
    con.close()
    p = params
    return {
        "Q1a": ["timeline", "--from", p["q1a"]["from"], "--to", p["q1a"]["to"], "--format", "json"],
        "Q1b": ["timeline", "--actor", names[p["q1b"]["actor"]], "--from", p["q1b"]["from"], "--to",
                p["q1b"]["to"], "--format", "json"],
        "Q2": ["neighbors", names[p["q2"]["actor"]], "--hops", str(p["q2"]["max_hops"] // 2), "--format", "json"],
        "Q3": ["path", names[p["q3"]["a"]], names[p["q3"]["b"]], "--max-hops", "15", "--format", "json"],
        "Q4": ["conflicts", "--tolerance", "0", "--window", "0", "--summary", "--format", "json"],
        "Q5": ["sources", str(claim), "--format", "json"],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers-dir", required=True)
    ap.add_argument("--n", type=float, required=True)
    ap.add_argument("--bundles", required=True)
    ap.add_argument("--bin", default="target/release/chronograph")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peers", default="sqlite,duckdb")
    ap.add_argument("--only-peer-queries", default=None)
    ap.add_argument("--work", default=None, help="scratch folder (default: a new temporary one)")
    a = ap.parse_args()
    a.n = int(a.n)
    a.peers = [p for p in a.peers.split(",") if p]
    a.peers_dir = os.path.abspath(a.peers_dir)
    a.bin = os.path.abspath(a.bin)
    work = a.work or __import__("tempfile").mkdtemp(prefix="sitting-")
    os.makedirs(work, exist_ok=True)
    params = json.load(open(os.path.join(a.peers_dir, "data", f"n{a.n}", "params.json")))
    load0 = loadavg()
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())

    peers = run_peers(a, work)
    sq1 = sqlite_oneshot(a, work, params, a.runs)

    db = os.path.join(work, "chronograph.db")
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    shutil.rmtree(db + ".cache", ignore_errors=True)
    tv = os.path.join(work, "chronograph.time")
    print(f"== chronograph ingest {a.bundles}", file=sys.stderr)
    subprocess.run(["/usr/bin/time", "-v", "-o", tv, a.bin, "--db", db, "ingest", a.bundles], check=True,
                   stdout=subprocess.DEVNULL)
    load_s, load_rss, load_cpu = time_v(tv)
    db_mb, cache_mb = du_mb(db), du_mb(db + ".cache")
    first, warm = {}, {}
    cmds = chronograph_queries(a, db, params)
    for q in QUERIES:
        cmd = [a.bin, "--db", db] + cmds[q]
        first[q] = timed(cmd)[:2]
    for q in QUERIES:
        cmd = [a.bin, "--db", db] + cmds[q]
        ws = [timed(cmd) for _ in range(a.runs)]
        warm[q] = (statistics.median(w for w, _, _ in ws), statistics.median(c for _, c, _ in ws))
    load1 = loadavg()

    def best(key):
        vals = [(r["queries"][key]["median_ms"], p) for p, r in peers.items()
                if key in r.get("queries", {}) and "median_ms" in r["queries"][key]]
        return min(vals) if vals else (None, None)

    print(f"\nOne sitting, {started} UTC, N = {a.n:,} claims, load average {' '.join(load0)} before, "
          f"{' '.join(load1)} after; peers: {', '.join(a.peers)}.\n")
    print("| what | best peer | chronograph | ratio chronograph / best peer |")
    print("|---|---|---|---|")
    loads = [(r["load_s"], p) for p, r in peers.items() if "load_s" in r]
    bl, bp = min(loads) if loads else (None, None)
    rate = a.n / load_s
    print(f"| load (s) | {bp} {bl} ({a.n / bl:,.0f} claims/s) | {load_s:.1f} ({rate:,.0f} claims/s; CPU "
          f"{load_cpu:.1f} s, peak RSS {load_rss:.0f} MB; derived files built in it) | "
          f"{load_s / bl:.2f} |" if bl else f"| load (s) | - | {load_s:.1f} | - |")
    disks = [(r.get("disk_mb"), p) for p, r in peers.items() if r.get("disk_mb")]
    for mb, p in sorted(disks):
        print(f"| disk, {p} (MB) | {mb:.0f} | {db_mb:.0f} + {cache_mb:.0f} derived = {db_mb + cache_mb:.0f} | "
              f"{(db_mb + cache_mb) / mb:.2f} |")
    for q in QUERIES:
        ms, p = best(q)
        f_w, f_c = first[q]
        w_w, w_c = warm[q]
        ref = f"{p} {ms:.3g} ms (in process)" if ms is not None else "-"
        one = f"; sqlite3 CLI one-shot {sq1[q]:.1f} ms" if q in sq1 else ""
        ratio = f"first {f_w / ms:.2f}, warm {w_w / ms:.2f}" if ms else "-"
        if q in sq1:
            ratio += f"; vs sqlite3 one-shot: first {f_w / sq1[q]:.2f}, warm {w_w / sq1[q]:.2f}"
        print(f"| {q} | {ref}{one} | first {f_w:.1f} ms (CPU {f_c:.1f}), warm {w_w:.1f} ms (CPU {w_c:.1f}) "
              f"| {ratio} |")
    print(f"\nScratch files in {work}.", file=sys.stderr)


if __name__ == "__main__":
    main()
