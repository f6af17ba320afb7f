"""The settings half of the journal store: ``settings.json``'s settings document, read and written.

The settings are the person's (goals, programme, doses, reminders), shared by every device of a synced
journal. Writes happen under the journal's lock, re-reading the file, and are refused for a journal a
newer app has used (``JournalStore._refuse_if_newer``).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from trainer.journal.errors import JournalProblem, JournalUnreadableError, JournalWriteError
from trainer.journal.folder import SETTINGS_TABLE, _NewerFile
from trainer.journal.layout import LAYOUT_DOCUMENT
from trainer.journal.limits import SettingsError, explain, settings_error_text
from trainer.journal.models import Settings
from trainer.journal.reading import JournalReader
from trainer.journal.storage import JournalFileError


class SettingsFile(JournalReader):
    def _refuse_if_newer(self) -> None:
        """Refuse writes to a journal a newer backtrainer has used (the store's, which also migrates)."""
        raise NotImplementedError

    def load_settings(self) -> Settings:
        """The settings; defaults when there are none or they cannot be read."""
        try:
            documents = self._read_documents(self.settings_file, SETTINGS_TABLE)
            own = next((document for doc_id, document in documents.items() if doc_id != LAYOUT_DOCUMENT), {})
            settings = Settings.model_validate(own)
        except JournalFileError as error:
            self._note(JournalProblem(error.path, error.reason))
            return Settings()
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            self._note(JournalProblem(self.settings_file, f"settings do not match the format ({explain(first)})"))
            return Settings()
        except _NewerFile:
            return Settings()
        self._problems.pop(self.settings_file, None)
        return settings

    def save_settings(self, settings: Settings) -> Settings:
        with self._locked():
            self.load_settings()
            problem = self._problems.get(self.settings_file)
            if problem is not None and not problem.newer:
                raise JournalUnreadableError(problem)
            self._refuse_if_newer()
            database = TinyDB(self.settings_file, storage=self._storage)
            try:
                # one document with a fixed id, replaced in a single write
                database.table(SETTINGS_TABLE).upsert(Document(settings.model_dump(mode="json"), doc_id=1))
            except OSError as error:
                raise JournalWriteError(
                    f"could not save settings to {self.settings_file} ({error.strerror or error})"
                ) from error
            finally:
                database.close()
        return settings

    def update_settings(self, **changes: Any) -> Settings:
        """Change some settings, re-reading the others under the lock.

        The changed settings are validated before anything is written: an unknown name or a value out of
        range raises ``SettingsError`` and the file is left as it was (a file the next start would refuse
        would bring back the defaults: the first-run screen, and no personal doses).
        """
        unknown = sorted(set(changes) - set(Settings.model_fields))
        if unknown:
            raise SettingsError(f"there is no setting called {', '.join(map(repr, unknown))}")
        with self._locked():
            current = self.load_settings()
            try:
                updated = Settings.model_validate({**current.model_dump(), **changes})
            except ValidationError as error:
                raise SettingsError(settings_error_text(error)) from None
            return self.save_settings(updated)
