"""How hard a piece of text is to read: a small Flesch-Kincaid grade.

Pure functions, no dictionary: syllables come from a heuristic that counts
groups of vowels and corrects the common English endings (a silent final
"e", "-ed" after most consonants, "-es" after most consonants, a final
"-le" after a consonant). It is wrong for some words, as every such
heuristic is, but it is steady, so it ranks texts sensibly; the content
rules use it to keep safety text plain (grade 7 at most).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$|[\"')\]])")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_DIGITS = re.compile(r"[0-9]+")


_SUFFIXES = ("ment", "ness", "less", "ful", "ly")
"""Endings of one syllable that hide a silent "e" before them ("movement", "safely")."""


def _base_syllables(text: str) -> int:
    count = len(_VOWEL_GROUP.findall(text))
    consonant_before = len(text) > 3 and text[-3] not in "aeiouy"
    if len(text) > 2 and text.endswith("e"):
        if text.endswith("le") and text[-3] not in "aeiouy":
            pass  # "table", "people": the final "le" is a syllable of its own
        elif not text.endswith(("ee", "ye")):
            count -= 1  # "make", "while", "there"
    elif text.endswith("ed") and consonant_before and text[-3] not in "td":
        count -= 1  # "walked", "used"; "lifted" keeps its "ed"
    elif text.endswith("es") and consonant_before and text[-3] not in "szxcgh":
        if not (text.endswith("les") and len(text) > 4 and text[-4] not in "aeiouy"):
            count -= 1  # "makes", "times"; "passes" and "muscles" keep theirs
    if text.endswith("ing") and len(text) > 4 and text[-4] in "aeiouy":
        count += 1  # "doing", "being", "lying"
    return max(1, count)


def syllables(word: str) -> int:
    """Estimated syllables in one word (at least 1).

    A number counts one syllable per digit, capped at 3 ("111", "2025").
    """
    if _DIGITS.fullmatch(word):
        return min(3, len(word))
    text = word.casefold().replace("’", "'")
    text = text.split("'")[0] or text  # "don't" -> "don", "you're" -> "you"
    text = re.sub(r"[^a-z]", "", text)
    if not text:
        return 1
    for suffix in _SUFFIXES:
        base = text[: -len(suffix)]
        if text.endswith(suffix) and len(base) >= 2 and _VOWEL_GROUP.search(base):
            return _base_syllables(base) + 1
    return _base_syllables(text)


def words(text: str) -> list[str]:
    """The words of ``text``; a hyphenated word ("pins-and-needles") counts as its parts."""
    return _WORD.findall(text.replace("-", " "))


def sentence_count(text: str) -> int:
    """Sentences end with . ! or ?; text without one is one sentence."""
    stripped = text.strip()
    if not stripped:
        return 0
    ends = len(_SENTENCE_END.findall(stripped))
    return ends + (0 if re.search(r"[.!?][\"')\]]*$", stripped) else 1)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level: 0.39 * words/sentence + 11.8 * syllables/word - 15.59."""
        if not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


def readability(text: str) -> Readability:
    found = words(text)
    return Readability(
        words=len(found),
        sentences=max(1, sentence_count(text)),
        syllables=sum(syllables(word) for word in found),
    )


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of ``text`` (about the US school year that reads it easily)."""
    return readability(text).grade
