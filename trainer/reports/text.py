"""Text a person typed, made safe for Markdown: it renders exactly as typed and can never become a link,
HTML or a block of its own (shared by the report's sections)."""

from __future__ import annotations

import re
import unicodedata

ALWAYS_ESCAPED = set("\\`*_[]<>|~&$@")
"""Characters that can be Markdown, HTML or a GitHub extension (tables, strikethrough, maths) anywhere in a line;
``@`` so that an e-mail address is not turned into a link."""
LINE_START = re.compile(r"^(?:[-+=#]|\d{1,9}[.)])")
"""What can start a list, a heading or a heading's underline at the start of a line."""
LINK_MARKERS = re.compile(r"(?<=\w)\.(?=[^\W\d_])|:(?=//)|^/(?=/)|(?<=\s)/(?=/)")
"""A dot between a word and a letter (``evil.com``), the colon of ``https://`` and a leading ``//``: escaped,
so no renderer finds a web address to turn into a link."""


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders exactly as typed, and reads well as plain text.

    Only what could be syntax is escaped (so "(the app)." stays as it is): characters that are Markdown
    anywhere, what could start a block at the start of a line, and the parts of web and e-mail addresses
    a renderer would turn into links. Each line is stripped (leading spaces could start a code block) and
    line breaks become hard breaks. Control characters, which the journal refuses, show as U+FFFD.
    """
    lines = []
    for line in text.splitlines():
        clean = _escape_line(line.replace("\t", " ").strip())
        if clean:
            lines.append(clean)
    return "\\\n  ".join(lines)


def _escape_line(line: str) -> str:
    marked = {match.start() for match in LINK_MARKERS.finditer(line)}
    start = LINE_START.match(line)
    if start:
        marked.add(start.end() - 1)  # "-" or "#", or the "." of "1."
    escaped = []
    for index, char in enumerate(line):
        if unicodedata.category(char) == "Cc":
            escaped.append("\N{REPLACEMENT CHARACTER}")
        elif char in ALWAYS_ESCAPED or index in marked:
            escaped.append("\\" + char)
        else:
            escaped.append(char)
    return "".join(escaped)
