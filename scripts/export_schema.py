"""Write content/schema/*.json from the pydantic models (run after changing a model): the content's
schemas and the journal export's."""

from pathlib import Path

from trainer.catalog.schema import schema_documents
from trainer.journal.export_format import SCHEMA_FILE, export_schema

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "content" / "schema"


def main() -> None:
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in {**schema_documents(), SCHEMA_FILE: export_schema()}.items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}")


if __name__ == "__main__":
    main()
