"""The validated content, kept between launches while the files it came from are unchanged.

Loading the content reads and validates every file and cross-checks them. The result depends only on
those bytes (the bundled files and the user's packs) and on the code that checked them, so it is kept in
the user's cache folder under a key made of both: the SHA-256 of every file's name and bytes, the folder
they were found in, and the app's, Python's and pydantic's versions. A launch reads the files, computes
the key, and uses the kept catalog only when the key matches; any change to a file, any added or removed
pack, or a new version of the app misses, and the content is loaded and checked afresh.

Only a catalog that loaded without a problem is kept (a broken pack is reported at every launch). The
cache file is never trusted beyond that check: it starts with a format line, the key and the SHA-256 of
the rest, and the rest is unpickled by an unpickler that can build nothing but the catalog's own types
and paths (a file made to run code when unpickled fails instead). A file that is short, corrupt,
tampered with, from another version or not a file at all is ignored and replaced; a cache folder that
cannot be written is ignored. Nothing here ever stops the app: the worst case is a fresh load.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import platform
import tempfile
from collections.abc import Callable
from pathlib import Path

import pydantic
from pydantic import BaseModel

from trainer.catalog.bundled import bundled_content_dir
from trainer.catalog.validated import BUNDLED_FILES, Catalog, find_packs
from trainer.files import FileReadError, read_regular_file
from trainer.paths import ensure_private_dir

FORMAT = b"backtrainer catalog cache 1\n"
MAX_CACHE_BYTES = 16 * 1024 * 1024
PATH_TYPES = frozenset({"Path", "PosixPath", "WindowsPath", "PurePath", "PurePosixPath", "PureWindowsPath"})


class CatalogUnpickler(pickle.Unpickler):
    """Builds only the content models (``trainer.catalog.*``), ``Catalog`` and paths: nothing that acts."""

    def find_class(self, module: str, name: str) -> type:
        if module == "pathlib" and name in PATH_TYPES:
            found: type = getattr(__import__("pathlib"), name)
            return found
        if module.startswith("trainer.catalog.") and "." not in name:
            import importlib

            candidate = getattr(importlib.import_module(module), name, None)
            if isinstance(candidate, type) and (candidate is Catalog or issubclass(candidate, BaseModel)):
                return candidate
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a catalog cache")


def content_key(files: list[Path], version: str) -> str | None:
    """The SHA-256 of the files' paths and bytes and of the versions; None if a file cannot be read."""
    digest = hashlib.sha256()
    for part in (version, platform.python_version(), pydantic.VERSION):
        digest.update(part.encode() + b"\0")
    for path in files:
        try:
            data = read_regular_file(path)
        except FileReadError:  # (missing too) the loader says what is wrong with it
            return None
        digest.update(os.fsencode(str(path)) + b"\0" + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def cache_file(cache_dir: Path, packs_dir: Path | None) -> Path:
    """One file per packs folder (each profile has its own), so two people on one host do not evict each other."""
    where = hashlib.sha256(os.fsencode(str(packs_dir))).hexdigest()[:16]
    return cache_dir / f"catalog-{where}.pickle"


def read_cache(path: Path, key: str) -> Catalog | None:
    """The catalog kept under ``key``, or None (missing, another key, corrupt, tampered with)."""
    try:
        data = read_regular_file(path, max_bytes=MAX_CACHE_BYTES, follow_symlinks=False)
    except (FileReadError, OSError):
        return None
    header = FORMAT + key.encode() + b"\n"
    if not data.startswith(header):
        return None
    rest = data[len(header) :]
    digest, payload = rest[:64], rest[65:]
    if rest[64:65] != b"\n" or digest != hashlib.sha256(payload).hexdigest().encode():
        return None
    try:
        catalog = CatalogUnpickler(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001  # a damaged file can make unpickling raise almost anything
        return None
    return catalog if isinstance(catalog, Catalog) else None


def write_cache(path: Path, key: str, catalog: Catalog) -> None:
    """Keep ``catalog`` under ``key`` (atomically, readable by the owner only); a failure is ignored."""
    try:
        payload = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
        ensure_private_dir(path.parent)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(FORMAT + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n")
                file.write(payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, RecursionError):
        return


def load_catalog_cached(
    cache_dir: Path | None,
    version: str,
    *,
    packs_dir: Path | None = None,
    content_dir: Path | None = None,
    load: Callable[..., Catalog] | None = None,
) -> Catalog:
    """``load_catalog(content_dir, packs_dir=packs_dir)``, from the cache in ``cache_dir`` while nothing
    changed (``load``: the loader, ``load_catalog`` unless a test's counts its calls). The loader and its
    rules are imported only when the files have to be read and checked.

    Raises ``ContentError`` as ``load_catalog`` does (a broken bundled file is never cached, so it is
    found at every launch). ``cache_dir`` None: no cache.
    """
    if cache_dir is None:
        return _fresh(load, content_dir, packs_dir)
    content_dir = content_dir or bundled_content_dir()
    packs, listing_problems = find_packs(packs_dir)
    files = [content_dir / name for name in BUNDLED_FILES] + packs
    key = content_key(files, version)
    where = cache_file(cache_dir, packs_dir)
    if key is not None and not listing_problems:
        cached = read_cache(where, key)
        if cached is not None:
            return cached
    catalog = _fresh(load, content_dir, packs_dir)
    unchanged = key is not None and catalog.packs == tuple(packs) and key == content_key(files, version)
    if unchanged and not catalog.pack_problems:
        write_cache(where, str(key), catalog)  # (only if the files did not change while they were loaded)
    return catalog


def _fresh(load: Callable[..., Catalog] | None, content_dir: Path | None, packs_dir: Path | None) -> Catalog:
    if load is not None:
        return load(content_dir, packs_dir=packs_dir)
    from trainer.catalog.loader import load_catalog  # (a miss: only now are the rules needed)

    return load_catalog(content_dir, packs_dir=packs_dir)
