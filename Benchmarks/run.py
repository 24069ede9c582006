#!/usr/bin/env python3
"""Benchmark: `handbook build` over a synthetic program of N pages, against the cmark-gfm command
over the same Markdown and, when installed, Hugo over the same corpus.

Prints, for each size: pages per second, the median wall time of several runs (into new folders,
into emptied ones and over the last run's output), peak memory, ratios, the build with its search
index (the index's own time and the largest process), and for small sizes the one-page rebuild
under `handbook serve`, with and without search. Then the sample program in Content/, with and without search.

Usage: Benchmarks/run.py [--pages 1000 10000] [--runs 3] [--handbook .build/release/handbook]
       Benchmarks/run.py --headings 20000 100000   # one page of N headings of the same text
Build the tool first: swift build -c release --product handbook
"""
import argparse
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(command, cwd=None, stdin=None, keep_output=False):
    """Runs a command; returns (wall seconds, peak resident memory in MB[, its standard output]).
    The peak is the largest of the command and the programs it ran and waited for (Linux gives
    wait4 the maximum over them): for a build with search, the larger of handbook and Pagefind."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    output = process.stdout.read().decode() if keep_output else None
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return (elapsed, usage.ru_maxrss / 1024) + ((output,) if keep_output else ())


def stage_times(timings):
    """The stages `handbook build --timings` printed, by name."""
    stages = {}
    for line in timings.splitlines():
        name, _, seconds = line.strip().rpartition(" ")
        if seconds == "s":
            name, _, value = name.strip().rpartition(" ")
            try:
                stages[name.strip()] = float(value)
            except ValueError:
                pass
    return stages


def with_search(label, runs, make_command):
    """A build with its search index: the whole time, the index's own line of --timings, and the
    generator's own work (the whole time without the index)."""
    results = []
    for _ in range(runs):
        wall, peak, timings = run(make_command(), keep_output=True)
        results.append((wall, peak, stage_times(timings).get("search index", 0.0)))
    wall, _, index = sorted(results)[len(results) // 2]
    peak = max(r[1] for r in results)
    own = wall - index
    print(f"  {label:<34} median {wall:7.3f} s   peak {peak:7.1f} MB   runs {', '.join(f'{r[0]:.2f}' for r in results)}")
    print(f"  {'':<34} search index {index:.3f} s, generator's own work {own:.3f} s: index / generator {index / own:.2f} "
          f"(target at most 1); largest process {peak:.0f} MB (target at most 500 MB)")
    return wall


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


def one_page_rebuild(handbook, corpus, work, edits=5, search=False):
    """Times `handbook serve`'s rebuild after a one-page edit: the server prints each rebuild's
    time. With search, a rebuild ends once the new index is in place, so its time is how long the
    search takes to find a word the edit added."""
    output = os.path.join(work, "serve-out" + ("-search" if search else ""))
    port = 20000 + os.getpid() % 20000 + (1 if search else 0)
    server = subprocess.Popen([handbook, "serve", "--content", corpus, "--templates", os.path.join(ROOT, "Templates"),
                               "--output", output, "--port", str(port), "--force"] + (["--search"] if search else []),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    label = "serve --search" if search else "serve"
    try:
        def next_build():
            for line in server.stdout:
                if line.startswith("Built"):
                    return line.strip()
                if line.startswith("Build failed"):
                    sys.exit(line)
            sys.exit("serve stopped")
        first = next_build()
        print(f"  {label}, first build: {first}")
        pages = sorted(os.listdir(os.path.join(corpus, "pages")))
        page = os.path.join(corpus, "pages", pages[len(pages) // 2])
        times = []
        for edit in range(edits):
            word = f"benchmarkword{os.getpid()}x{edit}"
            with open(page, "a") as f:
                f.write(f"\nAn edit made by the benchmark, adding the word {word}.\n")
            line = next_build()
            times.append(float(line.split(" in ")[1].split(" s")[0]))
            if search and not index_holds(os.path.join(output, "handbook"), word):
                sys.exit(f"serve --search: the index does not hold {word} after the rebuild")
            print(f"  {label}, one-page edit {edit + 1}: {line}")
        median = statistics.median(times)
        if search:
            print(f"  the search finds the new word after a median {median:.2f} s (target within 1 s)")
        else:
            print(f"  one-page rebuild median {median * 1000:.0f} ms (target under 100 ms)")
    finally:
        server.terminate()
        server.wait()


def index_holds(output, word):
    """Whether the word index of an output's search holds `word`: in any of its parts (pagefind/,
    pagefind-2/, ...; their files are gzip-compressed)."""
    import gzip
    parts = [name for name in os.listdir(output) if re.fullmatch(r"pagefind(-[0-9]+)?", name)]
    for part in parts:
        folder = os.path.join(output, part, "index")
        for name in os.listdir(folder):
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            try:
                data = gzip.decompress(data)
            except OSError:
                pass
            if word.encode() in data:
                return True
    return False


def sample_program(handbook, work, runs):
    """The sample program in Content/: a full build with search, and without."""
    output = os.path.join(work, "sample-out")
    print("The sample program (Content/)")
    for label, extra, target in (("without search", ["--no-search"], 0.2), ("with search", [], 0.5)):
        def command():
            shutil.rmtree(output, ignore_errors=True)
            return [handbook, "build", "--content", os.path.join(ROOT, "Content"), "--templates",
                    os.path.join(ROOT, "Templates"), "--output", output, "--quiet"] + extra
        median, _ = timed(f"handbook build {label}", runs, command)
        print(f"  {'':<34} target under {target} s: {'met' if median < target else 'not met'}")


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
    args = parser.parse_args()
    folder_numbers = itertools.count(1)
    if not os.path.exists(args.handbook):
        sys.exit(f"{args.handbook} not found: run 'swift build -c release --product handbook' first")
    cmark = shutil.which("cmark-gfm")
    hugo = shutil.which("hugo")
    print(f"handbook: {args.handbook}\ncmark-gfm: {cmark or 'not installed (apt-get install cmark-gfm)'}\n"
          f"hugo: {hugo or 'not installed (apt-get install hugo)'}\ncores: {os.cpu_count()}\n")
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

            def new_folder(folder):
                """A folder no run wrote into: where nothing was just deleted (docs/benchmark.md)."""
                return f"{folder}-{next(folder_numbers)}"

            def emptied_folder(folder):
                """The last run's folder, emptied (not timed): its files were just deleted."""
                shutil.rmtree(folder, ignore_errors=True)
                return folder

            def handbook_command(folder, extra=("--no-search",)):
                return [args.handbook, "build", "--content", corpus, "--templates", os.path.join(ROOT, "Templates"),
                        "--output", folder, "--quiet"] + list(extra)

            ours, our_peak = timed("handbook build, new folders", args.runs, lambda: handbook_command(new_folder(output)))
            emptied, _ = timed("handbook build, emptied folder", args.runs, lambda: handbook_command(emptied_folder(output)))
            # The folder holds the last run's output: a coordinator's next build, nothing changed.
            again, _ = timed("handbook build, over last output", args.runs, lambda: handbook_command(output))
            only, _ = timed("handbook build --only handbook", args.runs,
                            lambda: handbook_command(new_folder(output)) + ["--only", "handbook"])
            print(f"  {'':<34} {pages * 2 / ours:9.0f} pages/s written ({pages} pages in each of 2 outputs, no search)")
            if cmark:
                floor, _ = timed("cmark-gfm over the same Markdown", args.runs,
                                 lambda: [cmark, "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
                                          "-e", "tasklist"], stdin_file=markdown)
                print(f"  ratio handbook / cmark-gfm: {ours / floor:.2f}x new folders, {emptied / floor:.2f}x emptied folder, "
                      f"{again / floor:.2f}x over the last output, {only / floor:.2f}x handbook only (target at most 2x)")
            if hugo:
                theirs, hugo_peak = timed("hugo", args.runs, lambda: [hugo, "--quiet", "--source", hugo_site, "--destination",
                                                                     new_folder(os.path.join(hugo_site, "public"))])
                print(f"  ratio hugo time / handbook time: {theirs / ours:.2f} both outputs, {theirs / only:.2f} handbook only "
                      f"(above 1 means handbook is faster); peak memory {our_peak:.0f} MB vs {hugo_peak:.0f} MB")
            searched = []
            with_search("handbook build with search", args.runs,
                        lambda: handbook_command(searched.append(new_folder(output)) or searched[-1], extra=("--timings",)))
            edits = itertools.count(1)

            def edited_rebuild():
                """A page edited, then the build over the last output with search: only the
                index parts that hold the edited page are made again."""
                with open(os.path.join(corpus, "pages", "page-00001.md"), "a") as page:
                    page.write(f"\nA sentence added by edit {next(edits)}.\n")
                return handbook_command(searched[-1], extra=("--timings",))
            with_search("with search, one page edited", args.runs, edited_rebuild)
            if pages <= 1000:
                one_page_rebuild(args.handbook, corpus, work)
                one_page_rebuild(args.handbook, corpus, work, search=True)
            print()
        sample_program(args.handbook, work, max(args.runs, 5))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
