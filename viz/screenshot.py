"""Open a page in Debian's Chromium (headless, through Playwright), wait until vis-network
has drawn it, and save a screenshot; print how long the page took, what it holds, and any
request it tried to make (there should be none) or console error.

    python -m policy_lineage.viz.screenshot chain.html chain.png [--width 1600 --height 1000]

Never runs ``playwright install``: it drives ``/usr/bin/chromium`` (``apt-get install
chromium``), or the browser named by ``--chromium`` / ``$CHROMIUM``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM_ARGS", "find_chromium", "PageRun", "open_page", "main"]

CHROMIUM_ARGS: list[str] = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium(explicit: str | None = None) -> str | None:
    """The Chromium to drive: ``explicit``, ``$CHROMIUM``, /usr/bin/chromium, or None."""
    for candidate in (explicit, os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return shutil.which("chromium")


@dataclass
class PageRun:
    """What happened when the page was opened."""

    ready_ms: float  # from navigation start to vis-network's first drawing (in the page)
    wall_s: float  # from goto() to ready, measured here
    nodes: int
    edges: int
    blocked: list[str] = field(default_factory=list)  # requests other than the page itself
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def open_page(
    page_path: str | os.PathLike,
    screenshot: str | os.PathLike | None = None,
    *,
    width: int = 1600,
    height: int = 1000,
    chromium: str | None = None,
    timeout_s: float = 120.0,
    scale: float = 1.0,
    actions: Any = None,
) -> PageRun:
    """Open ``page_path`` offline (every request but the file itself is aborted and
    recorded), wait for the drawing, run ``actions(page)`` if given, screenshot."""
    from playwright.sync_api import sync_playwright

    exe = find_chromium(chromium)
    if exe is None:
        raise FileNotFoundError("no Chromium: apt-get install chromium (never playwright install)")
    url = Path(page_path).resolve().as_uri()
    blocked: list[str] = []
    console_errors: list[str] = []
    page_errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": width, "height": height}, device_scale_factor=scale
            )

            def route(r: Any) -> None:
                if r.request.url == url:
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.on(
                "console",
                lambda m: console_errors.append(m.text) if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: page_errors.append(str(e)))
            start = time.perf_counter()
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            # a selector, not wait_for_function: the page's CSP forbids the eval() it uses
            page.wait_for_selector(
                "body[data-ready='1']", state="attached", timeout=timeout_s * 1000
            )
            wall = time.perf_counter() - start
            info = page.evaluate("window.__viz")
            extra = actions(page) if actions else None
            if screenshot:
                page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    return PageRun(
        info["ms"],
        wall,
        info["nodes"],
        info["edges"],
        blocked,
        console_errors,
        page_errors,
        extra or {},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page")
    parser.add_argument("png", nargs="?")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio")
    parser.add_argument("--chromium")
    args = parser.parse_args(argv)
    run = open_page(
        args.page,
        args.png,
        width=args.width,
        height=args.height,
        chromium=args.chromium,
        scale=args.scale,
    )
    print(
        f"{args.page}: {run.nodes} nodes, {run.edges} edges; drawn {run.ready_ms:.0f} ms after "
        f"navigation ({run.wall_s:.2f} s wall); requests blocked: {len(run.blocked)}; "
        f"console errors: {len(run.console_errors) + len(run.page_errors)}"
    )
    for line in [*run.blocked, *run.console_errors, *run.page_errors]:
        print(f"  {line}", file=sys.stderr)
    if args.png:
        print(f"screenshot: {args.png}")
    return 1 if run.blocked or run.console_errors or run.page_errors else 0


if __name__ == "__main__":
    sys.exit(main())
