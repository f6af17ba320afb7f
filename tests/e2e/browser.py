"""``backtrainer serve`` on a free loopback port, and headless Chromium driven through chromedriver.

``ServedApp`` runs the installed command in its own process group (the server and the app each tab
starts), waits until the port answers, and stops them all afterwards.

``Browser`` opens the page in Debian's ``chromium`` through ``chromium-driver`` with selenium. The
terminal in the page is drawn on a canvas, so to read what it shows the page is given, before its own
scripts run, a tap on its WebSocket: every frame the app sends (the same bytes xterm.js draws) and
every size the page asks for are kept in ``window.__backtrainer``; the test feeds them through the
screen model of ``tests.e2e.harness`` and reads back the rows. Keys go where a person's do: into
xterm.js's keyboard field.
"""

from __future__ import annotations

import base64
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from tests.e2e.harness import LOCALHOST, Screen, find_program, free_port

T = TypeVar("T")

CHROMIUM_NAMES = ("chromium", "chromium-browser")
CHROMEDRIVER_NAMES = ("chromedriver", "chromium-driver")

TAP = """
(() => {
  const Native = window.WebSocket;
  const tap = (window.__backtrainer = { events: [] });
  class Tapped extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      const asked = new URL(url, window.location.href).searchParams;
      tap.events.push(["size", Number(asked.get("width")), Number(asked.get("height"))]);
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string") return;
        const bytes = new Uint8Array(event.data);
        let text = "";
        for (let i = 0; i < bytes.length; i += 4096) {
          text += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096));
        }
        tap.events.push(["data", btoa(text), performance.now()]);
      });
    }
    send(data) {
      try {
        const message = JSON.parse(data);
        if (message[0] === "resize") tap.events.push(["size", message[1].width, message[1].height]);
      } catch (error) {}
      return super.send(data);
    }
  }
  window.WebSocket = Tapped;
})();
"""


def browser_programs() -> tuple[str | None, str | None]:
    """Debian's chromium and its chromedriver, if installed."""
    chromium = next((found for name in CHROMIUM_NAMES if (found := find_program(name))), None)
    driver = next((found for name in CHROMEDRIVER_NAMES if (found := find_program(name))), None)
    return chromium, driver


def wait_listening(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise AssertionError(f"backtrainer serve exited ({process.returncode}) before listening")
        try:
            with socket.create_connection((LOCALHOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"backtrainer serve did not listen on {LOCALHOST}:{port} within {timeout:g} s")


class ServedApp:
    """``backtrainer [ARGS] serve --port PORT`` in a process group of its own."""

    def __init__(self, backtrainer: str, env: Mapping[str, str], log: Path, args: Sequence[str] = ()) -> None:
        self.port = free_port()
        self.url = f"http://{LOCALHOST}:{self.port}/"
        self.log_file = log
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [backtrainer, *args, "serve", "--port", str(self.port)],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=out,
                env=dict(env),
                start_new_session=True,
            )

    def start(self, timeout: float = 20.0) -> ServedApp:
        wait_listening(self.port, self.process, timeout)
        return self

    def log(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        try:  # the apps the tabs started, if any outlived the server
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class Browser:
    """Headless Chromium on one page, with the app's screen read back from its WebSocket."""

    def __init__(self, chromium: str, chromedriver: str, size: tuple[int, int] = (1280, 800)) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for argument in (
            "--headless=new",
            "--no-sandbox",  # CI runs as root
            "--disable-dev-shm-usage",
            "--enable-unsafe-swiftshader",  # WebGL in software, for xterm.js
            f"--window-size={size[0]},{size[1]}",
            "--no-first-run",
            "--disable-background-networking",
        ):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver: Any = webdriver.Chrome(service=Service(chromedriver), options=options)
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TAP})
        self.screen = Screen(80, 24)
        self.first_data_ms: float | None = None

    def open(self, url: str) -> None:
        self.screen = Screen(80, 24)
        self.first_data_ms = None
        self.driver.get(url)

    def pump(self) -> None:
        """Take the frames that came since the last look and draw them."""
        events = self.driver.execute_script(
            "const tap = window.__backtrainer; if (!tap) return [];"
            "const events = tap.events; tap.events = []; return events;"
        )
        for event in events:
            if event[0] == "size" and event[1] and event[2]:
                if (event[1], event[2]) != (self.screen.columns, self.screen.rows):
                    self.screen = Screen(int(event[1]), int(event[2]))
            elif event[0] == "data":
                if self.first_data_ms is None:
                    self.first_data_ms = float(event[2])
                self.screen.feed(base64.b64decode(event[1]))

    def lines(self) -> list[str]:
        self.pump()
        return self.screen.lines()

    def wait_until(self, check: Callable[[list[str]], T | None], what: str, timeout: float = 20.0) -> T:
        end = time.monotonic() + timeout
        while True:
            found = check(self.lines())
            if found is not None and found is not False:
                return found
            if time.monotonic() >= end:
                raise AssertionError(f"timed out after {timeout:g} s waiting for {what}\n{self.report()}")
            time.sleep(0.05)

    def wait_for_text(self, text: str, timeout: float = 20.0) -> None:
        self.wait_until(lambda lines: text in "\n".join(lines), repr(text), timeout)

    def press(self, *keys: str) -> None:
        """Type into the terminal: text, or selenium ``Keys`` values (Keys.ENTER, Keys.ESCAPE...)."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By

        # xterm.js reads keys from a hidden textarea; newer Chromium refuses to type into a hidden element
        # (element not interactable), so it is focused and the keys go to the page, as a keyboard's do.
        field = self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        self.driver.execute_script("arguments[0].focus();", field)
        for key in keys:
            ActionChains(self.driver).send_keys(key).perform()
            time.sleep(0.1)  # one key at a time, as a person types

    def page_source(self) -> str:
        return str(self.driver.page_source)

    def requested_urls(self) -> list[str]:
        """Every URL the page asked for so far (from Chromium's network log)."""
        import json

        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
            elif message.get("method") == "Network.webSocketCreated":
                urls.append(message["params"]["url"])
        return urls

    def report(self) -> str:
        return f"--- page shows ({self.screen.columns}x{self.screen.rows}) ---\n{self.screen.text()}"

    def close(self) -> None:
        self.driver.quit()

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if error is not None:
            print(self.report())
        self.close()
