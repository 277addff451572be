"""Make docs/timeline.png: export the sample timeline and photograph it in headless Chromium.

    python scripts/screenshot.py [REPORTS...] [--out docs/timeline.png] [--width 1300]

Reads the reports (default: data/reports/alaska-2025), extracts the event table, writes the
one-file page with ``export_html`` into a temporary folder, opens it from disk in Debian's
chromium (Playwright, network blocked) and saves a picture of the timeline section.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import summit_timeline as st
from summit_timeline.views.export import export_html

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def screenshot(page_path: Path, out: Path, *, width: int = 1300) -> Path:
    """Save a PNG of the timeline section of the exported page ``page_path`` to ``out``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(
                offline=True, viewport={"width": width, "height": 900}, device_scale_factor=1.5
            )
            page = context.new_page()
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith("file://") else route.abort()
                ),
            )
            page.goto(page_path.resolve().as_uri())
            page.wait_for_function(
                "() => { const gd = document.getElementById('timeline-figure');"
                " return gd && gd._fullLayout; }"
            )
            page.wait_for_timeout(500)
            out.parent.mkdir(parents=True, exist_ok=True)
            temp = out.with_name(f".{out.name}.tmp.png")
            page.locator("header, #timeline").first.evaluate("e => e.scrollIntoView()")
            box_top = page.locator("header").bounding_box()
            box_fig = page.locator("#timeline").bounding_box()
            if box_top is None or box_fig is None:
                raise RuntimeError(f"{page_path}: the page has no header or timeline section")
            clip = {
                "x": 0,
                "y": box_top["y"],
                "width": width,
                "height": box_fig["y"] + box_fig["height"] - box_top["y"],
            }
            page.screenshot(path=str(temp), clip=clip, full_page=True)
            temp.replace(out)
        finally:
            browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    """Export the timeline of the reports and photograph it; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", default=[str(ROOT / "data/reports/alaska-2025")])
    parser.add_argument("--out", type=Path, default=ROOT / "docs/timeline.png")
    parser.add_argument("--title", default="Trump–Putin summit, Alaska, as two outlets report it")
    parser.add_argument("--width", type=int, default=1300)
    args = parser.parse_args(argv)
    corpus = st.load_reports(args.reports)
    if len(corpus) == 0:
        print(f"screenshot: no report could be read from {args.reports}", file=sys.stderr)
        return 2
    table = st.extract_events(corpus)
    with tempfile.TemporaryDirectory() as folder:
        page = export_html(table, Path(folder) / "timeline.html", title=args.title)
        out = screenshot(page, args.out, width=args.width)
    print(f"screenshot: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
