"""The wheel carries the content and the stylesheets; the schema files are current."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from trainer.catalog.schema import schema_documents
from trainer.journal.export_format import SCHEMA_FILE, export_schema

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("backtrainer-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_contains_all_content_json(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    expected = {f"trainer/content/{path.relative_to(ROOT / 'content')}" for path in (ROOT / "content").rglob("*.json")}
    assert {"trainer/content/exercises.json", "trainer/content/safety.json"} <= expected
    assert expected <= names


def test_wheel_contains_every_stylesheet(wheel: zipfile.ZipFile) -> None:
    stylesheets = {str(path.relative_to(ROOT)) for path in (ROOT / "trainer").rglob("*.tcss")}
    assert "trainer/app.tcss" in stylesheets
    assert stylesheets <= set(wheel.namelist())


def test_wheel_declares_the_console_script(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [name for name in wheel.namelist() if name.endswith("entry_points.txt")]
    assert "backtrainer = trainer.entry:main" in wheel.read(entry_points).decode()


def test_wheel_content_matches_the_repository(wheel: zipfile.ZipFile) -> None:
    packaged = wheel.read("trainer/content/exercises.json")
    assert packaged == (ROOT / "content" / "exercises.json").read_bytes()


SCHEMAS = {**schema_documents(), SCHEMA_FILE: export_schema()}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_files_match_the_models(name: str) -> None:
    on_disk = (ROOT / "content" / "schema" / name).read_text(encoding="utf-8")
    assert on_disk == SCHEMAS[name], f"content/schema/{name} is stale: run python scripts/export_schema.py"


def test_wheel_carries_the_browser_page_and_the_web_extra(wheel: zipfile.ZipFile) -> None:
    assert "trainer/cli/web/app_index.html" in wheel.namelist()
    (metadata,) = [name for name in wheel.namelist() if name.endswith(".dist-info/METADATA")]
    text = wheel.read(metadata).decode()
    assert "Provides-Extra: web" in text
    assert "textual-serve" in text and "selenium" in text
