"""Hostile text, as a tester crafting packs, imports and notes by hand would write it.

Two kinds:

- ``SHOWN_AS_IS``: text the models accept (markup, right-to-left script, combining marks, emoji, formula
  starters); it must show exactly as written and never act.
- ``REFUSED``: text with control characters or bidi overrides (terminal escapes that clear the screen, set the
  clipboard or the window title, hyperlinks); every model refuses it where it comes in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from trainer.text_rules import BIDI_CONTROLS

SCREENSHOT_FOLDER = "evil-folder"
"""Where ``[@click=app.screenshot(...)]`` would write a file if markup were ever parsed (relative to the cwd)."""

CLICK_SCREENSHOT = f"Ex [@click=app.screenshot('x.svg','{SCREENSHOT_FOLDER}')]CLICK[/]"
CLICK_QUIT = "[@click=app.quit]QUIT[/]"
HIDDEN = "[#000000 on #000000]HIDDEN[/]"
MARKDOWN = "**bold** <script>alert(1)</script> [x](https://evil.example) www.evil.example a@evil.example"
RTL = "שלום עליכם مرحبا"
COMBINING = "Z\u0337\u0322a\u0334l\u0335g\u0336o\u0337"
EMOJI = "🔥💪🏽 👩‍👩‍👧 🏳️‍🌈"
FORMULA = '=HYPERLINK("https://evil.example")'

SHOWN_AS_IS = (CLICK_SCREENSHOT, CLICK_QUIT, HIDDEN, MARKDOWN, RTL, COMBINING, EMOJI, FORMULA)

OSC_52 = "\x1b]52;c;cHduZWQ=\x07"  # set the clipboard to "pwned"
OSC_0 = "\x1b]0;pwned-title\x07"  # set the window title
OSC_8 = "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"  # a hyperlink
CLEAR_SCREEN = "before\x1b[2Jafter"
C1_CSI = "c1\x9b2Jcsi"
REVERSED = "evil\u202etxt.exe"

REFUSED = (OSC_52, OSC_0, OSC_8, CLEAR_SCREEN, C1_CSI, REVERSED, "bell\x07", "nul\x00", "del\x7f")
EVERY_CONTROL = tuple(chr(code) for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))) + tuple(BIDI_CONTROLS)
MARKERS = (b"\x1b]52", b"\x1b]0;pwned", b"\x1b]8;;https://evil", b"before\x1b[2Jafter", b"\x9b2J", "\u202e".encode())
"""Bytes that must never reach a terminal: each appears only if hostile text got through raw."""


def exercise(exercise_id: str, name: str, step: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": exercise_id,
        "name": name,
        "category": "mobility",
        "body_areas": ["lower back"],
        "purpose": f"Purpose: {HIDDEN} {RTL}",
        "steps": [step, f"Then {COMBINING} and {EMOJI}.", f"A long step: {'word ' * 110}".strip()],
        "dose": {"sets": {"min": 1, "max": 1}, "reps": {"min": 2, "max": 2}},
        "tempo": [{"cue": "Lift", "seconds": 1}, {"cue": "Lower", "seconds": 1}],
        "level": "gentle",
        "evidence": "common advice",
        "cautions": [f"Caution {CLICK_QUIT}."],
        **extra,
    }


def shown_pack() -> dict[str, Any]:
    """A pack whose text is all accepted: markup, RTL, combining marks, emoji, formula starters."""
    return {
        "name": f"Pack {HIDDEN}",
        "author": RTL,
        "exercises": [
            exercise("evil-click", CLICK_SCREENSHOT, f"Step {CLICK_QUIT} {MARKDOWN}"),
            exercise("evil-quit", f"{CLICK_QUIT} {EMOJI}", f"Step {FORMULA}"),
        ],
        "routines": [
            {
                "id": "evil-routine",
                "name": f"Routine {CLICK_SCREENSHOT}"[:120],
                "summary": f"Summary {CLICK_QUIT} {RTL}",
                "when_to_use": f"When {HIDDEN}",
                "level": "gentle",
                "items": [
                    {"exercise": "evil-click", "part": "warm-up", "note": f"Note {CLICK_QUIT}"},
                    {"exercise": "evil-quit"},
                ],
            }
        ],
    }


def refused_pack(text: str) -> dict[str, Any]:
    """A pack whose second exercise's name holds ``text`` (refused when it has a control character)."""
    pack = shown_pack()
    pack["exercises"][1]["name"] = text
    return pack


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
