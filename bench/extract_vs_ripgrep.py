#!/usr/bin/env python3
"""Extraction throughput of kgx against ripgrep, side by side on the same synthetic corpus.

For each size in --mb (MB = 10**6 bytes): generates the corpus once with
shared/bench/make_corpus.py (seed 1, kept in bench/corpus-<MB>/), builds a rules folder from
shared/bench/aliases.txt (bench/make_rules.py: the aliases as a gazetteer plus the shipped
non-gazetteer rules, so sections, discovery, quantities and relations all run), then runs

  rg -j1 --count-matches -F -f ALIASES CORPUS          (one thread, the aliases as literals)
  kgx extract CORPUS --rules RULES --format jsonl --threads 1
  kgx extract CORPUS --rules RULES --format jsonl --threads 2

and prints for each: wall and user CPU seconds, MB/s on both, peak RSS; then the ratio kgx/rg
(one thread), the speed-up of two threads, and kgx's CPU seconds per stage (KGX_STAGE_TIMES=1).
The machine may be shared: MB/s by CPU time is the steadier figure. A program that prints
figures, not a test: it fails only when a command fails.

Usage: extract_vs_ripgrep.py --kgx build/cli/kgx --shared ../shared [--mb "50 200 400"] [--rules DIR]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def ensure_tools():
    if shutil.which("rg") and os.path.exists("/usr/bin/time"):
        return
    subprocess.run([os.path.join(ROOT, ".ci", "install-deps"), "--ci"], check=True)


def timed(cmd, env=None, stdout=subprocess.DEVNULL):
    """Runs cmd under /usr/bin/time; returns (wall s, user+sys s, peak RSS MB, stderr text)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        full = ["/usr/bin/time", "-o", report.name, "-f", "%e %U %S %M"] + cmd
        proc = subprocess.run(full, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit(f"bench: command failed ({proc.returncode}): {' '.join(cmd)}")
        wall, user, system, rss_kb = report.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss_kb) / 1024.0, proc.stderr


def allocator_of(binary):
    """Names the malloc the binary is linked with (CMake's KGX_MIMALLOC), as ldd shows it."""
    try:
        libraries = subprocess.run(["ldd", binary], capture_output=True, text=True, check=False).stdout
    except OSError:
        return "unknown (no ldd)"
    return "mimalloc" if "libmimalloc" in libraries else "the C library's malloc"


DONE = ".kgx-bench-complete"  # hidden: neither kgx nor rg reads it


def corpus_bytes(path):
    total = 0
    for folder, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(folder, name)) for name in files if not name.startswith("."))
    return total


def prepare(mb, shared):
    """Returns bench/corpus-<MB>, generated (deterministically) unless a complete one is there."""
    corpus = os.path.join(HERE, f"corpus-{mb}")
    if os.path.exists(os.path.join(corpus, DONE)):
        return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    print(f"bench: generating a {mb} MB corpus in {corpus} ...", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, os.path.join(shared, "bench", "make_corpus.py"), "--mb", str(mb),
                    "--seed", "1", "--out", corpus], check=True)
    open(os.path.join(corpus, DONE), "w").close()
    return corpus


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kgx", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--mb", default="200", help='corpus sizes in MB, e.g. "50 200 400" (default 200)')
    ap.add_argument("--rules", default=os.path.join(ROOT, "rules"), help="the shipped rules (default: rules/)")
    args = ap.parse_args(argv)
    ensure_tools()
    kgx = os.path.abspath(args.kgx)
    shared = os.path.abspath(args.shared)
    work = tempfile.mkdtemp(prefix="kgx-bench-")
    try:
        aliases = os.path.join(work, "aliases.txt")
        with open(os.path.join(shared, "bench", "aliases.txt"), encoding="utf-8") as src, \
                open(aliases, "w", encoding="utf-8") as dst:
            dst.writelines(line for line in src if not line.startswith("#"))
        rules = os.path.join(work, "rules")
        subprocess.run([sys.executable, os.path.join(HERE, "make_rules.py"),
                        os.path.join(shared, "bench", "aliases.txt"), os.path.abspath(args.rules), rules],
                       check=True)
        rows, stages, ratios = [], [], []
        for mb in args.mb.split():
            corpus = prepare(mb, shared)
            size = corpus_bytes(corpus) / 1e6
            results = {}
            results["rg -j1"] = timed(["rg", "-j1", "--count-matches", "-F", "-f", aliases, corpus])
            env = dict(os.environ, KGX_STAGE_TIMES="1")
            for threads in (1, 2):
                out = os.path.join(work, f"out-{mb}-{threads}")
                results[f"kgx -t{threads}"] = timed(
                    [kgx, "extract", corpus, "--rules", rules, "--format", "jsonl", "--out", out,
                     "--threads", str(threads), "--quiet"], env=env)
                if threads == 1:
                    line = re.search(r"stage CPU seconds: (.*)", results["kgx -t1"][3])
                    stages.append((mb, line.group(1) if line else "?"))
                    output_mb = os.path.getsize(os.path.join(out, "graph.jsonl")) / 1e6
                shutil.rmtree(out, ignore_errors=True)
            for tool, (wall, cpu, rss, _) in results.items():
                rows.append((mb, f"{size:.1f}", tool, f"{wall:.2f}", f"{cpu:.2f}", f"{size / wall:.1f}",
                             f"{size / cpu:.1f}", f"{rss:.0f}"))
            rg_wall, rg_cpu = results["rg -j1"][0], results["rg -j1"][1]
            k1_wall, k1_cpu = results["kgx -t1"][0], results["kgx -t1"][1]
            k2_wall = results["kgx -t2"][0]
            ratios.append((mb, rg_wall / k1_wall, rg_cpu / k1_cpu, k1_wall / k2_wall, output_mb))
        header = ("corpus", "MB", "run", "wall s", "cpu s", "MB/s wall", "MB/s cpu", "peak RSS MB")
        widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
        print("== kgx extract --format jsonl against rg --count-matches -F -f (aliases.txt) ==")
        print(f"kgx's allocator: {allocator_of(kgx)}")
        for r in [header] + rows:
            print("  ".join(str(c).rjust(w) for c, w in zip(r, widths)))
        print()
        for mb, wall_ratio, cpu_ratio, speedup, output_mb in ratios:
            print(f"{mb} MB: kgx/rg throughput {wall_ratio:.2f}x by wall time, {cpu_ratio:.2f}x by CPU time "
                  f"(goal >= 0.5x); 2 threads {speedup:.2f}x faster than 1 (goal >= 1.7x); "
                  f"graph.jsonl {output_mb:.0f} MB")
        print()
        print("kgx --threads 1, CPU seconds per stage (KGX_STAGE_TIMES=1):")
        for mb, line in stages:
            print(f"  {mb} MB: {line}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
