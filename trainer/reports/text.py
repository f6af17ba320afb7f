"""Text a person typed, made safe for Markdown: it renders exactly as typed and can never become a link,
HTML or a block of its own (shared by the report's sections)."""

from __future__ import annotations

import re
import unicodedata

ALWAYS_ESCAPED = set("\\`*_[]|")
"""Characters that are Markdown (emphasis, code, links, tables) wherever they stand in a line."""
LINE_START = re.compile(r"^(?:[-+=#>]|\d{1,9}[.)])")
"""What can start a list, a heading, a heading's underline or a quote at the start of a line."""
LINK_MARKERS = re.compile(r"(?<=\w)\.(?=[^\W\d_]{2})|:(?=//)|^/(?=/)|(?<=\s)/(?=/)")
"""A dot between a word and two letters (``evil.com``; not ``e.g.``), the colon of ``https://`` and a leading
``//``: escaped, so no renderer finds a web address to turn into a link."""
SOMETIMES = re.compile(r"&(?=#?\w+;)|@(?=\w)|<(?=[A-Za-z/!?])")
"""Only where they would mean something: ``&`` before an entity (``&amp;``), ``@`` before a name (a mention or
an e-mail address), ``<`` before a tag; ``AT&T``, ``mum @ home`` and ``<3`` stay as typed."""
IN_PAIRS = "~$"
"""Strikethrough and maths need two: escaped only in a line that has two or more of them (``~5 min`` stays)."""


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders exactly as typed, and reads well as plain text.

    Only what could be syntax is escaped, so an ordinary note reads as typed ("(the app…).", "e.g.",
    "heat & rest", "$40", "~5 min"): characters that are Markdown anywhere, the rest only where they would
    act (an entity, a mention, a tag, a pair), what could start a block at the start of a line, and the
    parts of web and e-mail addresses a renderer would turn into links. Each line is stripped (leading
    spaces could start a code block) and line breaks become hard breaks. Control characters, which the
    journal refuses, show as U+FFFD.
    """
    lines = []
    for line in text.splitlines():
        clean = _escape_line(line.replace("\t", " ").strip())
        if clean:
            lines.append(clean)
    return "\\\n  ".join(lines)


def _escape_line(line: str) -> str:
    marked = {match.start() for pattern in (LINK_MARKERS, SOMETIMES) for match in pattern.finditer(line)}
    marked |= {index for index, char in enumerate(line) if char in IN_PAIRS and line.count(char) > 1}
    start = LINE_START.match(line)
    if start:
        marked.add(start.end() - 1)  # "-", "#" or ">", or the "." of "1."
    escaped = []
    for index, char in enumerate(line):
        if unicodedata.category(char) == "Cc":
            escaped.append("\N{REPLACEMENT CHARACTER}")
        elif char in ALWAYS_ESCAPED or index in marked:
            escaped.append("\\" + char)
        else:
            escaped.append(char)
    return "".join(escaped)
