"""Drafts named by fsspec URLs (``s3://bucket/archive/``, ``gcs://...``, ``file:///srv/copy/``,
``memory://``): a folder URL is listed here, and each draft is read by whichever process lints
or counts it (a Dask worker reads from the object store itself).  A draft's URL is its path in
every report.

A folder URL yields the files under it with the suffixes the linter reads in a folder; the
project config's ``files`` globs (of the config in the current folder, or ``--config``) match
the path of each file relative to the folder URL named, and so do its ``overrides`` blocks
(see :func:`profile`).  The listing's sizes are kept for the progress bar (see :func:`size`).
"""

from __future__ import annotations

import importlib
import posixpath
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import BinaryFileError, InputError, NewslintError
from ..files import DRAFT_SUFFIXES
from ..globs import matches
from ..project import Profile, Project
from ..source import MAX_FILE_SIZE, read_bytes, too_large

if TYPE_CHECKING:
    from ..runner import FileResult
    from ..style import Style

INSTALL = "pip install 'newslint[dask]' (and the file system's package, such as s3fs)"


def is_url(path: str) -> bool:
    """Whether ``path`` names a draft or a folder by URL (``protocol://...``)."""
    return "://" in path


def _fsspec() -> Any:
    try:
        return importlib.import_module("fsspec")
    except ImportError:
        raise NewslintError(
            f"reading drafts by URL needs fsspec, which is not installed: {INSTALL}"
        ) from None


def _file_system(url: str) -> tuple[Any, str]:
    try:
        return _fsspec().core.url_to_fs(url)  # type: ignore[no-any-return]
    except (ImportError, ValueError) as exc:  # a protocol unknown, or its package missing
        raise NewslintError(f"{url}: {exc}") from None


# The size of each draft listed in this process, by URL, for the progress bar: the client
# lists the drafts and shows the bar, and the listing gives the sizes without another request.
_SIZES: dict[str, int] = {}


def size(url: str) -> int:
    """The size in bytes of a draft as its listing gave it (0 when it was not listed)."""
    return _SIZES.get(url, 0)


def list_url(project: Project, url: str) -> list[str]:
    """The drafts a URL names, sorted: the URL itself, or the drafts under a folder URL."""
    fs, root = _file_system(url)
    try:
        try:
            info = fs.info(root)
        except OSError:  # fsspec's isdir says False then
            return [url]  # a draft, or nothing: reading it says which
        if info.get("type") != "directory":
            _SIZES[url] = info.get("size") or 0
            return [url]
        found = fs.find(root, detail=True)
    except Exception as exc:  # OSError, or a store's own (missing credentials...)
        raise NewslintError(f"{url}: cannot be listed: {exc}") from None
    config = project.config_for(".")
    globs = config.files if config is not None else None
    prefix = url.rstrip("/") + "/"
    start = root.rstrip("/") + "/"
    drafts = []
    for name in sorted(found):
        if not name.lower().endswith(DRAFT_SUFFIXES) or not name.startswith(start):
            continue
        relative = name[len(start) :]
        if globs is not None:
            if globs.include and not matches(globs.include, relative):
                continue
            if globs.exclude and matches(globs.exclude, relative):
                continue
        drafts.append(prefix + relative)
        _SIZES[prefix + relative] = found[name].get("size") or 0
    return drafts


def relative_name(roots: Sequence[str], url: str) -> str:
    """What the config's globs match for a draft named by URL: its path below the folder URL
    named (of ``roots``, the paths of the command line) that holds it, the longest if several
    do, or its file name when it was named itself."""
    best = ""
    for root in roots:
        prefix = root.rstrip("/") + "/"
        if is_url(root) and url.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    return url[len(best) :] if best else posixpath.basename(url.rstrip("/"))


def profile(project: Project, roots: Sequence[str], url: str) -> Profile:
    """``project.profile`` for a draft named by URL: the config of the current folder (or
    ``--config``), its ``overrides`` matched against :func:`relative_name`, as a folder's
    drafts are matched against their paths."""
    config = project.config_for(url)  # no folder of the URL exists here: the current one's
    if config is None or not config.overrides:
        return project.profile(url)
    return project.profile(url, str(config.root / relative_name(roots, url)))


def drafts(project: Project, paths: Iterable[str], *, force_exclude: bool = False) -> Iterator[str]:
    """``project.drafts(paths)``, with the drafts of the URLs among ``paths`` after them."""
    paths = list(paths)
    urls = list(dict.fromkeys(p for p in paths if is_url(p)))  # each once, as a path is
    local = [p for p in paths if not is_url(p)]
    if local:
        yield from project.drafts(local, force_exclude=force_exclude)
    for url in urls:
        yield from list_url(project, url)


def read_draft(path: str, max_size: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of a draft named by a path or by a URL (see :func:`source.read_bytes`)."""
    if not is_url(path):
        return read_bytes(path, max_size)
    fs, where = _file_system(path)
    try:
        with fs.open(where, "rb") as fh:
            data: bytes = fh.read(max_size + 1) if max_size else fh.read()
    except FileNotFoundError:
        raise InputError("no such file or directory", path) from None
    except IsADirectoryError:
        raise InputError("is a folder", path) from None
    except Exception as exc:  # OSError, or a store's own (missing credentials...)
        raise InputError(f"cannot be read: {exc}", path) from None
    if max_size and len(data) > max_size:
        raise BinaryFileError(too_large(len(data), max_size), path)
    return data


def lint_url(
    path: str,
    style: Style,
    *,
    display: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    max_size: int = MAX_FILE_SIZE,
) -> FileResult:
    """:func:`runner.lint_path` for a draft named by a URL."""
    from ..runner import lint_path  # the rule engine: not for reading alone

    return lint_path(
        path,
        style,
        display=display,
        format=format,
        encoding=encoding,
        max_size=max_size,
        read=read_draft,
    )
