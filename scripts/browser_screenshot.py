"""A PNG of the app in Chromium (``backtrainer serve``), for the README: screenshots/browser-home.png.

Three months of demo journal (scripts/demo_journal.py) in a temporary BACKTRAINER_HOME, the server on a
free loopback port, Debian's headless chromium through chromium-driver (selenium, as the browser tests).

    python scripts/browser_screenshot.py [--size 1280x800] [--keys j]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from demo_journal import generate  # noqa: E402

from tests.e2e.browser import Browser, ServedApp, browser_programs  # noqa: E402
from trainer.catalog.loader import load_catalog  # noqa: E402
from trainer.journal.store import JournalStore  # noqa: E402

OUT = ROOT / "screenshots" / "browser-home.png"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1280x800", help="the browser window, WIDTHxHEIGHT")
    parser.add_argument("--keys", default="", help="keys to press once Home shows (e.g. j for the Journal)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    chromium, chromedriver = browser_programs()
    if chromium is None or chromedriver is None:
        raise SystemExit("install chromium and chromium-driver (Debian packages) first")
    backtrainer = shutil.which("backtrainer") or str(Path(sys.executable).with_name("backtrainer"))
    home = Path(tempfile.mkdtemp(prefix="bt-shot-"))
    store = JournalStore(home / "journal")
    store.update_settings(disclaimer_seen=True)
    store.import_entries(generate(3, seed=7, today=date.today(), catalog=load_catalog()))
    served = ServedApp(backtrainer, {**os.environ, "BACKTRAINER_HOME": str(home)}, home / "serve.log").start()
    try:
        with Browser(chromium, chromedriver, size=(width, height)) as browser:
            browser.open(served.url)
            browser.wait_for_text("Start a session")
            if args.keys:
                browser.press(*args.keys)
            time.sleep(1.5)  # the page's fade-in, and the Home's last refresh
            args.out.parent.mkdir(parents=True, exist_ok=True)
            browser.driver.save_screenshot(str(args.out))
    finally:
        served.stop()
        shutil.rmtree(home, ignore_errors=True)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
