"""Speed of ``find_temporal`` against ``dateparser.search.search_dates`` on the same texts.

Run from the repository root::

    python benchmarks/bench_temporal.py [--repeat 5] [--rounds 3]

Texts: the sample reports in ``data/reports/alaska-2025`` (each repeated ``--repeat`` times as
separate texts) and the sentences of the case tables in ``tests/test_temporal.py``. Prints ms per
text for both, and their ratio (target: find_temporal at most 1/5 of search_dates). "cold" clears
find_temporal's parse caches before every text (patterns stay compiled), "warm" keeps them.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("summit_timeline") is None:  # not installed: use this checkout
    sys.path.insert(0, str(ROOT))
from summit_timeline.knowledge import load_knowledge  # noqa: E402
from summit_timeline.mentions import days, temporal  # noqa: E402
from summit_timeline.mentions.temporal_rules import rules_for  # noqa: E402


def _case_sentences() -> list[tuple[str, str]]:
    """(language, sentence) pairs from the test case tables."""
    spec = importlib.util.spec_from_file_location(
        "test_temporal", ROOT / "tests" / "test_temporal.py"
    )
    if spec is None or spec.loader is None:
        raise FileNotFoundError(ROOT / "tests" / "test_temporal.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tables = ("DURATIONS", "CLOCKS", "DATES", "DAYS", "KINDS", "NEGATIVES", "RESOLVE")
    return [(lang, text) for name in tables for lang, text, _ in getattr(module, name)]


def _reports(repeat: int) -> list[tuple[str, str]]:
    folder = ROOT / "data" / "reports" / "alaska-2025"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise FileNotFoundError(f"no sample reports in {folder}")
    return [("de", text) for text in texts] * repeat


def _best_ms(run: Callable[[], object], items: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000 / items


def _bench(label: str, texts: Sequence[tuple[str, str]], rounds: int) -> None:
    from dateparser.search import search_dates

    def ours() -> None:
        for lang, text in texts:
            temporal.find_temporal(text, lang)

    knowledge = load_knowledge(environment=False)

    def ours_cold() -> None:
        # nothing remembered from earlier texts: parsed date spans and number phrases forgotten
        for lang, text in texts:
            days.parse_date_span.cache_clear()
            rules_for(knowledge.language(lang)).numbers.clear()
            temporal.find_temporal(text, lang, knowledge=knowledge)

    def theirs() -> None:
        for lang, text in texts:
            search_dates(text, languages=[lang])

    for lang, text in texts[:2]:  # warm up: imports, compiled patterns, dateparser's language data
        temporal.find_temporal(text, lang)
        search_dates(text, languages=[lang])
    n = len(texts)
    chars = sum(len(t) for _, t in texts) / n
    warm = _best_ms(ours, n, rounds)
    cold = _best_ms(ours_cold, n, rounds)
    ref = _best_ms(theirs, n, rounds)
    found = sum(len(temporal.find_temporal(t, lang)) for lang, t in texts)
    their_found = sum(len(search_dates(t, languages=[lang]) or []) for lang, t in texts)
    print(f"{label}: {n} texts, {chars:.0f} chars/text")
    print(f"  find_temporal  warm {warm:8.3f} ms/text  cold {cold:8.3f} ms/text  {found} found")
    print(f"  search_dates        {ref:8.3f} ms/text                       {their_found} found")
    print(f"  ratio find_temporal/search_dates: warm 1/{ref / warm:.1f}, cold 1/{ref / cold:.1f}")


def main(argv: Sequence[str] | None = None) -> None:
    """Print the timings.

    :param argv: command-line arguments (``--repeat``, ``--rounds``).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="copies of each sample report")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best is kept")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.rounds < 1:
        parser.error("--repeat and --rounds must be at least 1")
    start = time.perf_counter()
    temporal.find_temporal("am 15. August um 14 Uhr, zwei Stunden", "de")
    first = (time.perf_counter() - start) * 1000
    print(f"first call (compile de patterns, import dateparser): {first:.0f} ms")
    _bench("sample reports", _reports(args.repeat), args.rounds)
    _bench("test sentences", _case_sentences(), args.rounds)


if __name__ == "__main__":
    main()
