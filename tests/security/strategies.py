"""Hypothesis strategies for hostile text, and the text fields of every model they are aimed at."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter

from tests.security.hostile import EVERY_CONTROL, REFUSED, SHOWN_AS_IS

SYNTAX = list("[]@=()*_`<>|~&$#\\!-+.:/{}^%'\"")
"""Characters that are markup in Textual, Rich or Markdown, or parts of links."""

hostile_characters = st.one_of(
    st.sampled_from(EVERY_CONTROL),
    st.sampled_from(SYNTAX),
    st.characters(codec="utf-8"),  # any character at all: RTL scripts, combining marks, emoji, surrogates excluded
)
hostile_text = st.one_of(
    st.text(hostile_characters, max_size=80),
    st.builds(
        lambda parts: "".join(parts), st.lists(st.sampled_from((*SHOWN_AS_IS, *REFUSED, " ", "\n", "www.", "a.b")))
    ),
)
"""Short strings mixing control characters, markup, escapes, bidi overrides and every other character."""


@dataclass(frozen=True)
class TextField:
    """One text-bearing field of a model, validated on its own (its annotation and constraints)."""

    model: type[BaseModel]
    name: str
    validate: Callable[[str], Any]
    """Put one string where the field holds text (itself, an item of its list, a key of its dict) and validate."""

    def __str__(self) -> str:
        return f"{self.model.__name__}.{self.name}"


def _holds_text(annotation: Any) -> bool:
    if annotation is str:
        return True
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _holds_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, dict):
        return any(_holds_text(arg) for arg in typing.get_args(annotation))
    return False


def _wrapper(annotation: Any) -> Callable[[str], Any]:
    """How to put a string into a value of ``annotation``: as it is, in a list, or as a dict key."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _wrapper(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return _wrapper(next(arg for arg in typing.get_args(annotation) if _holds_text(arg)))
    if origin is list:
        return lambda text: [text]
    if origin is dict:
        return lambda text: {text: {}}
    return lambda text: text


def text_fields(*models: type[BaseModel]) -> Iterator[TextField]:
    for model in models:
        for name, info in model.model_fields.items():
            if not _holds_text(info.annotation):
                continue
            annotated = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            adapter: TypeAdapter[Any] = TypeAdapter(annotated)
            wrap = _wrapper(info.annotation)
            yield TextField(model, name, lambda text, adapter=adapter, wrap=wrap: adapter.validate_python(wrap(text)))
