"""Speed and scale: extraction and `checker check` on real German news at 1×, 8× and 64×.

    python tests/benchmarks/bench_scale.py [--sizes 1,8,64] [--jobs N] [--data DIR] [--no-dateparser]

Builds corpora in a temporary directory from the KRAUTS raw texts (../shared/data/krauts/) and
the seed articles, replicated with distinct file names (so distinct article ids). For every size
it runs, each in a fresh process, extraction alone (the library, no cache) and `checker check`
with an empty cache (best of three), and prints articles/s, MB/s, wall time and peak memory. At the
largest size it runs `checker check` again on the warm cache, then adds one article and runs it on
the warm cache once more (each best of three). On the 1× texts it times
`dateparser.search.search_dates` (German) beside our extraction, and counts for both the gold
TIMEX3 DATE spans of KRAUTS that a found expression overlaps.

It prints; it asserts nothing. dateparser comes with the `bench` extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# Every run imports `checker` from a copy taken when the benchmark starts: the numbers then belong
# to one version of the code even while the working tree is being edited, and the cache of the
# warm run is not invalidated by an edit made between the cold and the warm run.
CODE_VARIABLE = "CHECKER_BENCH_CODE"

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "krauts"
RAW_PARTS = ("KRAUTS_DieZeit_raw-text", "KRAUTS_Dolomiten-100_raw-text")
GOLD_PARTS = ("KRAUTS_DieZeit", "KRAUTS_Dolomiten-100")
SEEDS = REPO_ROOT / "seeds"


def snapshot_code(target: Path) -> Path:
    """Copy the package and the rules to `target` and import `checker` from there from now on.

    The copy is byte-compiled once, as an install does (pip compiles, and an editable install
    caches bytecode on its first import): otherwise, with PYTHONDONTWRITEBYTECODE set, every
    measured process would compile all of `checker` from source, which no user's run does. For
    the same reason one article is extracted with the copy before any measurement: an
    installation's first run compiles the date scan's start finder (Hyperscan, ~0.4 s of CPU) and
    keeps it beside the module, as it keeps the lexicons' parses; every later run loads both."""
    shutil.copytree(REPO_ROOT / "checker", target / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_ROOT / "rules", target / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(target / "checker", quiet=1)
    first_article = target / "first-run.txt"
    first_article.write_text(" date 2024-03-05\nAm Dienstag wurden 12 Menschen verletzt.\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); from checker.cli import main; sys.argv[1:] = sys.argv[2:]; main()", str(target), "extract", str(first_article)],
        env={**os.environ, "CHECKER_NO_CACHE": "1"}, stdout=subprocess.DEVNULL, check=True,
    )
    sys.path.insert(0, str(target))
    os.environ[CODE_VARIABLE] = str(target)
    return target

# Targets of issue 9, printed beside the measurements.
TARGET_SPEEDUP = 100
TARGET_GROWTH = 80
TARGET_WARM_SHARE = 0.1
TARGET_PEAK_MB = 1024
# Timings of the dateparser comparison and of the cold and warm checks: best of this many runs. The machine may be shared; the fastest run is the one least
# disturbed by other work (as timeit does), and cold and warm get the same number of tries.
REPEATS = 3


# --- corpora ---------------------------------------------------------------------------------


def source_files(data: Path) -> list[Path]:
    files = [path for part in RAW_PARTS for path in sorted((data / part).glob("*.tml"))]
    return files + sorted(SEEDS.glob("*.txt"))


def build_corpus(sources: list[Path], target: Path, copies: int) -> tuple[int, int]:
    """`copies` replicas of `sources` under `target`; returns (articles, bytes)."""
    articles = size = 0
    for copy in range(copies):
        replica = target / f"r{copy:03d}"
        replica.mkdir(parents=True)
        for source in sources:
            shutil.copyfile(source, replica / f"{source.stem}__r{copy:03d}{source.suffix}")
            articles += 1
            size += source.stat().st_size
    return articles, size


# --- measured runs, each in a fresh process --------------------------------------------------


@dataclass
class Run:
    wall: float  # seconds, the whole process as a user sees it
    inner: float  # seconds inside the measured call (no interpreter start, no imports)
    main_mb: float
    worker_mb: float
    jobs: int
    cpu: float  # seconds of CPU, this process and its workers: less disturbed by a busy machine

    @property
    def peak_mb(self) -> float:
        # Workers run at the same time: main plus every worker at its largest bounds the total.
        return self.main_mb + (self.jobs * self.worker_mb if self.worker_mb else 0)


def child_main(argv: list[str]) -> None:
    """Run one measured call in this fresh process and write its timings to a JSON file."""
    mode, result_file, *rest = argv
    sys.path.insert(0, os.environ[CODE_VARIABLE])
    started = time.perf_counter()
    if mode == "extract":
        from checker.pipeline import ExtractionSettings, extract_corpus

        corpus, jobs = rest
        extraction = extract_corpus([corpus], settings=ExtractionSettings(cache_dir=None, jobs=int(jobs)))
        assert not extraction.errors, extraction.errors[:3]
    else:
        from checker.cli import main as checker_main

        # The entry point a user runs (it also sets up the process, e.g. the collector threshold).
        sys.argv = ["checker", *rest]
        try:
            checker_main()
        except SystemExit:
            pass
    inner = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    result = {"inner": inner, "main_mb": own.ru_maxrss / 1024, "worker_mb": workers.ru_maxrss / 1024, "cpu": cpu}
    Path(result_file).write_text(json.dumps(result), encoding="utf-8")


def measure(mode: str, args: list[str], jobs: int, env: dict[str, str], scratch: Path) -> Run:
    result_file = scratch / "result.json"
    result_file.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(result_file), *args]
    started = time.perf_counter()
    completed = subprocess.run(command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if completed.returncode != 0 or not result_file.exists():
        raise SystemExit(f"measured run failed ({' '.join(command)}):\n{completed.stderr[-3000:]}")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    return Run(wall, result["inner"], result["main_mb"], result["worker_mb"], jobs, result["cpu"])


def best_of(tries: int, run: Callable[[], Run]) -> Run:
    """The fastest (by wall time) of `tries` runs."""
    return min((run() for _ in range(tries)), key=lambda measured: measured.wall)


def check_args(corpus: Path, scratch: Path, jobs: int) -> list[str]:
    return [
        "check", str(corpus), "--rules", str(scratch / "code" / "rules"), "--no-baseline", "--report", str(scratch / "report.md"),
        "--format", "json", "--fail-on", "never", "--jobs", str(jobs),
    ]  # fmt: skip


# --- dateparser and gold dates ---------------------------------------------------------------


def overlapping(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> int:
    return sum(any(start < found_end and found_start < end for found_start, found_end in found) for start, end in gold)


def dateparser_spans(text: str, found: list[tuple[str, object]] | None) -> list[tuple[int, int]]:
    """search_dates gives substrings, not offsets: find each one after the previous one."""
    spans, cursor = [], 0
    for substring, _ in found or []:
        position = text.find(substring, cursor)
        if position < 0:
            position = text.find(substring)
        if position < 0:
            continue
        spans.append((position, position + len(substring)))
        cursor = position + len(substring)
    return spans


def compare_with_dateparser(data: Path) -> dict[str, float] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed: pip install -e '.[bench]' (or pip install dateparser) to compare with it.")
        return None
    from datetime import datetime

    from checker.corpus import Article
    from checker.document import Document
    from checker.pipeline import ExtractionSettings, extract_articles
    from checker.published import PublicationDate
    from checker.timeml import parse_timeml

    # The 1× texts: KRAUTS (gold files hold the same tag-free text and DCT as the raw ones) + seeds.
    documents: list[tuple[Document, list[tuple[int, int]]]] = []
    for part in GOLD_PARTS:
        for path in sorted((data / part).glob("*.tml")):
            timeml = parse_timeml(path.read_text(encoding="utf-8"))
            gold = [(timex.start, timex.end) for timex in timeml.timexes if timex.type == "DATE"]
            published = PublicationDate.parse(timeml.dct[:10]) if timeml.dct else PublicationDate.parse("2000")
            documents.append((Document(path.stem, timeml.text, published, 0), gold))
    from checker.corpus import read_corpus

    for article in read_corpus([SEEDS]):
        assert isinstance(article, Article)
        documents.append((article.document, []))

    articles = [Article(document, document.article) for document, _ in documents]
    extract_articles(articles[:3], ExtractionSettings(jobs=1))  # lexicons and patterns loaded before timing
    from checker.extract.dates import extract_dates

    # Best of REPEATS for both systems: the machine may be shared, and the fastest run is the one
    # least disturbed by other work (as timeit does). Fresh documents every time, so that no run
    # reuses sentences split by the one before (a Document caches its sentences).
    ours_seconds = dates_seconds = dateparser_seconds = float("inf")
    for _ in range(REPEATS):
        fresh = [Article(Document(d.article, d.text, d.published, d.body_start, d.source), d.article) for d, _ in documents]
        started = time.perf_counter()
        ours = extract_articles(fresh, ExtractionSettings(jobs=1))
        ours_seconds = min(ours_seconds, time.perf_counter() - started)
        fresh = [Document(d.article, d.text, d.published, d.body_start, d.source) for d, _ in documents]
        started = time.perf_counter()
        for document in fresh:
            extract_dates(document)
        dates_seconds = min(dates_seconds, time.perf_counter() - started)
    # What pure-Python text processing costs at the least: one pass over every word, no work per
    # word. Puts the target in proportion (100× dateparser leaves well under 10 such passes).
    words = re.compile(r"\w+")
    word_pass_seconds = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        for document, _ in documents:
            for _word in words.finditer(document.text):
                pass
        word_pass_seconds = min(word_pass_seconds, time.perf_counter() - started)
    dates = ours.claims.filter(ours.claims["kind"] == "date")
    found_by_article: dict[str, list[tuple[int, int]]] = {}
    for article, start, end in dates.select("article", "span_start", "span_end").iter_rows():
        found_by_article.setdefault(article, []).append((start, end))

    search_dates("am 10. Januar", languages=["de"])  # its language data loaded before timing
    gold_total = ours_hits = dateparser_hits = 0
    for repeat in range(REPEATS):
        total = 0.0
        for document, gold in documents:
            text = document.text[document.body_start :]
            base = datetime(document.published.start.year, document.published.start.month, document.published.start.day)
            started = time.perf_counter()
            found = search_dates(text, languages=["de"], settings={"RELATIVE_BASE": base})
            total += time.perf_counter() - started
            if repeat:
                continue
            gold_total += len(gold)
            ours_hits += overlapping(gold, found_by_article.get(document.article, []))
            offset_spans = [(start + document.body_start, end + document.body_start) for start, end in dateparser_spans(text, found)]
            dateparser_hits += overlapping(gold, offset_spans)
        dateparser_seconds = min(dateparser_seconds, total)
    size = sum(len(document.text.encode("utf-8")) for document, _ in documents)
    return {
        "texts": len(documents),
        "megabytes": size / 1e6,
        "ours_seconds": ours_seconds,
        "dates_seconds": dates_seconds,
        "dateparser_seconds": dateparser_seconds,
        "word_pass_seconds": word_pass_seconds,
        "gold": gold_total,
        "ours_hits": ours_hits,
        "dateparser_hits": dateparser_hits,
    }


# --- the run ---------------------------------------------------------------------------------


def row(stage: str, size: int, articles: int, megabytes: float, run: Run, seconds: float) -> str:
    return (
        f"{stage:<30} {size:>4}× {articles:>8} {megabytes:>7.1f} {seconds:>8.2f} {articles / seconds:>10.1f}"
        f" {megabytes / seconds:>7.2f} {run.cpu:>7.1f} {run.peak_mb:>8.0f} ({run.main_mb:.0f} + {run.jobs}×{run.worker_mb:.0f})"
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child_main(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,8,64", help="replication factors, comma-separated (default 1,8,64)")
    parser.add_argument("--jobs", type=int, default=None, help="extraction processes (default: one per core)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the KRAUTS folder")
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser comparison")
    options = parser.parse_args(argv)
    if not options.data.is_dir():
        print(f"KRAUTS data not found at {options.data}: nothing to measure", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as temporary:
        return run_benchmark(options, Path(temporary))


def run_benchmark(options: argparse.Namespace, scratch: Path) -> int:
    snapshot_code(scratch / "code")
    from checker.cache import extractor_version
    from checker.parallel import available_cores

    jobs = options.jobs or available_cores()
    sizes = sorted({int(size) for size in options.sizes.split(",")})
    sources = source_files(options.data)
    print(f"checker extractor version {extractor_version()}, {jobs} extraction processes, {available_cores()} cores")
    print(f"{len(sources)} source articles (KRAUTS raw texts + seeds), sizes {', '.join(f'{s}×' for s in sizes)}")
    print(f"load average at start {os.getloadavg()[0]:.1f} (other work on the machine slows the wall times; cpu s less so)")
    print("MB: corpus file bytes; extract: time inside the call; check: whole process, as a user waits for it\n")
    header = f"{'stage':<30} {'size':>5} {'articles':>8} {'MB':>7} {'wall s':>8} {'articles/s':>10} {'MB/s':>7} {'cpu s':>7} {'peak MB (main + workers)':>8}"
    print(header)
    print("-" * len(header))

    extract_runs: dict[int, Run] = {}
    check_runs: dict[int, Run] = {}
    warm: tuple[Run, Run] | None = None
    for size in sizes:
        corpus = scratch / f"corpus-{size:03d}"
        articles, size_bytes = build_corpus(sources, corpus, size)
        megabytes = size_bytes / 1e6
        no_cache = {"CHECKER_NO_CACHE": "1"}
        extract_runs[size] = run = measure("extract", [str(corpus), str(jobs)], jobs, no_cache, scratch)
        print(row("extract (library, no cache)", size, articles, megabytes, run, run.inner), flush=True)
        cache_dir = scratch / f"cache-{size:03d}"
        cache = {"CHECKER_CACHE_DIR": str(cache_dir), "CHECKER_NO_CACHE": "0"}
        is_largest = size == sizes[-1]

        def cold_check() -> Run:
            shutil.rmtree(cache_dir, ignore_errors=True)
            return measure("check", check_args(corpus, scratch, jobs), jobs, cache, scratch)

        check_runs[size] = run = best_of(REPEATS, cold_check)
        print(row("checker check, cold cache", size, articles, megabytes, run, run.wall), flush=True)
        if is_largest:
            unchanged = best_of(REPEATS, lambda: measure("check", check_args(corpus, scratch, jobs), jobs, cache, scratch))
            print(row("checker check, warm", size, articles, megabytes, unchanged, unchanged.wall), flush=True)
            warm_cache = scratch / "cache-warm"
            shutil.copytree(cache_dir, warm_cache)
            added = corpus / "added" / "added_article.txt"
            added.parent.mkdir()
            added.write_text(
                "date 2022-01-07\nDie Gespräche zwischen den USA und Russland sollen am 10. Januar in Genf beginnen.\n",
                encoding="utf-8",
            )

            def check_one_more() -> Run:  # every try starts from the warm cache without the new article
                shutil.rmtree(cache_dir)
                shutil.copytree(warm_cache, cache_dir)
                return measure("check", check_args(corpus, scratch, jobs), jobs, cache, scratch)

            one_more = best_of(REPEATS, check_one_more)
            print(row("checker check, warm +1 article", size, articles + 1, megabytes, one_more, one_more.wall), flush=True)
            warm = (unchanged, one_more)
        shutil.rmtree(corpus)

    print(f"\nload average at end {os.getloadavg()[0]:.1f}")
    smallest, largest = sizes[0], sizes[-1]
    if largest > smallest:
        factor = largest / smallest
        for name, runs, seconds in (
            ("extract", extract_runs, lambda run: run.inner),
            ("checker check (cold)", check_runs, lambda run: run.wall),
        ):
            growth = seconds(runs[largest]) / seconds(runs[smallest])
            cpu_growth = runs[largest].cpu / runs[smallest].cpu
            verdict = "met" if growth <= TARGET_GROWTH * factor / 64 else "NOT met"
            print(
                f"growth {name}: {largest}× corpus takes {growth:.1f}× the {smallest}× wall time"
                f" (target ≤ {TARGET_GROWTH * factor / 64:.0f}×: {verdict}); cpu time {cpu_growth:.1f}×"
            )
    if warm:
        share = warm[1].wall / check_runs[largest].wall
        verdict = "met" if share < TARGET_WARM_SHARE else "NOT met"
        print(f"warm re-run after adding one article at {largest}×: {warm[1].wall:.2f} s = {share:.3f} of the cold run (target < {TARGET_WARM_SHARE}: {verdict})")
    peak = max(check_runs[largest].peak_mb, extract_runs[largest].peak_mb)
    print(f"peak memory at {largest}×: {peak:.0f} MB (target < {TARGET_PEAK_MB} MB: {'met' if peak < TARGET_PEAK_MB else 'NOT met'})")

    if not options.no_dateparser:
        comparison = compare_with_dateparser(options.data)
        if comparison:
            ours, theirs = comparison["ours_seconds"], comparison["dateparser_seconds"]
            parallel = extract_runs.get(1)
            print(f"\nsame {comparison['texts']} texts ({comparison['megabytes']:.2f} MB), one process each:")
            print(f"  checker extraction (all claim kinds): {ours:8.2f} s  {comparison['megabytes'] / ours:6.2f} MB/s")
            dates = comparison["dates_seconds"]
            print(f"  checker dates only (extract_dates):   {dates:8.2f} s  {comparison['megabytes'] / dates:6.2f} MB/s  ({theirs / dates:.1f}× dateparser)")
            print(f"  dateparser.search.search_dates (de):  {theirs:8.2f} s  {comparison['megabytes'] / theirs:6.2f} MB/s")
            words = comparison["word_pass_seconds"]
            print(f"  one re.finditer(r'\\w+') pass, no work: {words:8.3f} s  {comparison['megabytes'] / words:6.2f} MB/s  ({theirs / words:.0f}× dateparser)")
            verdict = "met" if theirs / ours >= TARGET_SPEEDUP else "NOT met"
            print(f"  speed-up: {theirs / ours:.1f}× (target ≥ {TARGET_SPEEDUP}×: {verdict})")
            if parallel is not None:
                print(f"  with {jobs} processes (1× run above, incl. worker start): {theirs / parallel.inner:.1f}×")
            gold = comparison["gold"]
            print(
                f"  gold KRAUTS DATE spans overlapped: checker {comparison['ours_hits']}/{gold} ({comparison['ours_hits'] / gold:.1%}),"
                f" dateparser {comparison['dateparser_hits']}/{gold} ({comparison['dateparser_hits'] / gold:.1%})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
