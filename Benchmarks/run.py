#!/usr/bin/env python3
"""Benchmark: `handbook build` over a synthetic program of N pages, against the cmark-gfm command
over the same Markdown and, when installed, Hugo over the same corpus.

Prints, for each size: pages per second, the median wall time of several runs, peak memory, and
ratios. Also times a one-page rebuild under `handbook serve`'s incremental path.

Usage: Benchmarks/run.py [--pages 1000 10000] [--runs 3] [--handbook .build/release/handbook] [--fresh-folders]
       Benchmarks/run.py --headings 20000 100000   # one page of N headings of the same text
Build the tool first: swift build -c release --product handbook
"""
import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(command, cwd=None, stdin=None):
    """Runs a command; returns (wall seconds, peak resident memory in MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def timed(label, runs, make_command, cwd=None, stdin_file=None):
    walls, peaks = [], []
    for _ in range(runs):
        stdin = open(stdin_file, "rb") if stdin_file else None
        wall, peak = run(make_command(), cwd=cwd, stdin=stdin)
        if stdin:
            stdin.close()
        walls.append(wall)
        peaks.append(peak)
    median = statistics.median(walls)
    print(f"  {label:<34} median {median:7.3f} s   peak {max(peaks):7.1f} MB   runs {', '.join(f'{w:.2f}' for w in walls)}")
    return median, max(peaks)


def one_page_rebuild(handbook, corpus, work, edits=5):
    """Times `handbook serve`'s rebuild after a one-page edit: the server prints each rebuild's time."""
    output = os.path.join(work, "serve-out")
    port = 20000 + os.getpid() % 20000
    server = subprocess.Popen([handbook, "serve", "--content", corpus, "--templates", os.path.join(ROOT, "Templates"),
                               "--output", output, "--port", str(port), "--force"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    try:
        def next_build():
            for line in server.stdout:
                if line.startswith("Built"):
                    return line.strip()
                if line.startswith("Build failed"):
                    sys.exit(line)
            sys.exit("serve stopped")
        first = next_build()
        print(f"  serve, first build: {first}")
        pages = sorted(os.listdir(os.path.join(corpus, "pages")))
        page = os.path.join(corpus, "pages", pages[len(pages) // 2])
        times = []
        for edit in range(edits):
            with open(page, "a") as f:
                f.write(f"\nAn edit made by the benchmark, number {edit}.\n")
            line = next_build()
            times.append(float(line.split(" in ")[1].split(" s")[0]))
            print(f"  serve, one-page edit {edit + 1}: {line}")
        print(f"  one-page rebuild median {statistics.median(times) * 1000:.0f} ms (target under 100 ms)")
    finally:
        server.terminate()
        server.wait()


def same_headings(handbook, work, counts, runs):
    """One page whose N headings all have the same text: each needs its own id ("same-2",
    "same-3" ...), which must take linear time, not N squared (issue 14)."""
    sys.path.insert(0, HERE)
    from generate_corpus import PROGRAM
    for count in counts:
        corpus = os.path.join(work, f"headings-{count}")
        os.makedirs(os.path.join(corpus, "pages"), exist_ok=True)
        with open(os.path.join(corpus, "program.yaml"), "w") as f:
            f.write(PROGRAM)
        with open(os.path.join(corpus, "pages", "same.md"), "w") as f:
            f.write("---\ntitle: Same headings\n---\n\n" + "## Same\n\nA line.\n\n" * count)
        output = os.path.join(work, f"headings-out-{count}")

        def command():
            shutil.rmtree(output, ignore_errors=True)
            return [handbook, "build", "--content", corpus, "--templates", os.path.join(ROOT, "Templates"),
                    "--output", output, "--no-search", "--quiet"]
        timed(f"{count} headings of the same text", runs, command)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--handbook", default=os.path.join(ROOT, ".build", "release", "handbook"))
    parser.add_argument("--headings", type=int, nargs="+",
                        help="instead of the page benchmark: build one page with this many headings of the same text")
    parser.add_argument("--fresh-folders", action="store_true",
                        help="write each run into a new folder instead of deleting the last run's output first "
                             "(all are removed at the end); see docs/benchmark.md")
    args = parser.parse_args()
    folder_numbers = itertools.count(1)
    if not os.path.exists(args.handbook):
        sys.exit(f"{args.handbook} not found: run 'swift build -c release --product handbook' first")
    cmark = shutil.which("cmark-gfm")
    hugo = shutil.which("hugo")
    print(f"handbook: {args.handbook}\ncmark-gfm: {cmark or 'not installed (apt-get install cmark-gfm)'}\n"
          f"hugo: {hugo or 'not installed (apt-get install hugo)'}\ncores: {os.cpu_count()}\n"
          f"output folders: {'a new one for each run' if args.fresh_folders else 'emptied before each run'}\n")
    work = tempfile.mkdtemp(prefix="handbook-bench-")
    if args.headings:
        try:
            same_headings(args.handbook, work, args.headings, args.runs)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    try:
        for pages in args.pages:
            corpus = os.path.join(work, f"content-{pages}")
            hugo_site = os.path.join(work, f"hugo-{pages}")
            markdown = os.path.join(work, f"all-{pages}.md")
            subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(pages), corpus,
                            "--hugo", hugo_site, "--concatenated", markdown], check=True)
            size = os.path.getsize(markdown) / 1e6
            print(f"{pages} pages, {size:.1f} MB of Markdown")
            output = os.path.join(work, f"out-{pages}")

            def empty_folder(folder):
                """An empty folder to build into: a new one, or the given one emptied (not timed)."""
                if args.fresh_folders:
                    return f"{folder}-{next(folder_numbers)}"
                shutil.rmtree(folder, ignore_errors=True)
                return folder

            def handbook_command():
                return [args.handbook, "build", "--content", corpus, "--templates", os.path.join(ROOT, "Templates"),
                        "--output", empty_folder(output), "--no-search", "--quiet"]

            ours, our_peak = timed("handbook build (handbook + manual)", args.runs, handbook_command)

            def handbook_only_command():
                return handbook_command() + ["--only", "handbook"]

            only, _ = timed("handbook build --only handbook", args.runs, handbook_only_command)
            print(f"  {'':<34} {pages * 2 / ours:9.0f} pages/s written ({pages} pages in each of 2 outputs)")
            if cmark:
                floor, _ = timed("cmark-gfm over the same Markdown", args.runs,
                                 lambda: [cmark, "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
                                          "-e", "tasklist"], stdin_file=markdown)
                print(f"  ratio handbook / cmark-gfm: {ours / floor:.2f}x both outputs, {only / floor:.2f}x handbook only (target at most 2x)")
            if hugo:
                def hugo_command():
                    return [hugo, "--quiet", "--source", hugo_site,
                            "--destination", empty_folder(os.path.join(hugo_site, "public"))]
                theirs, hugo_peak = timed("hugo", args.runs, hugo_command)
                print(f"  ratio hugo time / handbook time: {theirs / ours:.2f} both outputs, {theirs / only:.2f} handbook only "
                      f"(above 1 means handbook is faster); peak memory {our_peak:.0f} MB vs {hugo_peak:.0f} MB")
            if pages <= 1000:
                one_page_rebuild(args.handbook, corpus, work)
            print()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
