"""The browser's time to Home against the terminal's, in the same run (issue 14, browser mode).

- Browser: ``backtrainer serve`` on a free loopback port (started once), headless Chromium (started once)
  loading the page again each round; each load starts a new app process. Timed from the navigation to
  Home's menu in the frames the page received (read off its WebSocket, as the browser tests do, polled
  every 50 ms), and the page's own clock to its first frame from the app.
- Terminal: the first frame of Home in an 80x24 pseudo-terminal (``bench/startup_ratio.py``'s way).

The two alternate within each round after one warm-up each; figures are medians.

    python bench/browser_paint.py [--rounds 8]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from results import record  # noqa: E402
from startup_ratio import HOME_MARKER, environment, executable, first_frame, returning_home  # noqa: E402

from tests.e2e.browser import Browser, ServedApp, browser_programs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    chromium, chromedriver = browser_programs()
    if chromium is None or chromedriver is None:
        raise SystemExit("install chromium and chromium-driver (Debian packages) first")
    home = returning_home()
    env = environment(home)
    app = executable()
    served = ServedApp(app, {**os.environ, "BACKTRAINER_HOME": str(home)}, home / "serve.log").start()
    browser_home: list[float] = []
    browser_first_frame: list[float] = []
    terminal_home: list[float] = []
    load_before = os.getloadavg()[0]
    try:
        with Browser(chromium, chromedriver) as browser:

            def in_browser() -> tuple[float, float]:
                started = time.perf_counter()
                browser.open(served.url)
                browser.wait_until(lambda lines: any(HOME_MARKER in line for line in lines), "Home", timeout=60)
                took = time.perf_counter() - started
                browser.driver.get("about:blank")  # the tab's app ends with its socket
                return took, (browser.first_data_ms or 0.0) / 1000

            in_browser()
            first_frame([app], HOME_MARKER, env)
            for _ in range(args.rounds):
                took, first = in_browser()
                browser_home.append(took)
                browser_first_frame.append(first)
                terminal_home.append(first_frame([app], HOME_MARKER, env))
    finally:
        served.stop()
        load_after = os.getloadavg()[0]
    b, f, t = (statistics.median(values) for values in (browser_home, browser_first_frame, terminal_home))
    rounds = ", ".join(f"{x:.2f}/{y:.2f}" for x, y in zip(browser_home, terminal_home, strict=True))
    body = f"""\
`python bench/browser_paint.py --rounds {args.rounds}`: Home in headless Chromium (served on 127.0.0.1 by
`backtrainer serve`, a new app per page load) against Home in an 80x24 pseudo-terminal, alternating, one
warm-up each, medians of {args.rounds} rounds. Machine load {load_before:.1f} before, {load_after:.1f} after (2
cores shared with other work: absolute times move with it, the ratio less so). The browser time includes
the page, its scripts and the WebSocket; "Home" is read off the frames the page received, polled every 50 ms.

| measure | median | ratio to the terminal |
|---|---|---|
| terminal: first frame of Home | {t:.2f} s | 1.00 |
| browser: page's first frame from the app (page clock) | {f:.2f} s | {f / t:.2f} |
| browser: Home in the page | {b:.2f} s | {b / t:.2f} |

Rounds (browser Home / terminal Home, s): {rounds}.
"""
    record("Browser mode: time to Home, browser against terminal", body)


if __name__ == "__main__":
    main()
