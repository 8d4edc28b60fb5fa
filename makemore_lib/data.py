"""Loading the names dataset: a local file if you have one, else a checked download into a cache."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from .checks import check_seed
from .vocabulary import check_name, check_names

NAMES_URL = "https://raw.githubusercontent.com/karpathy/makemore/master/names.txt"
NAMES_SHA256 = "0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d"
ENV_VAR = "MAKEMORE_NAMES"


class DatasetError(ValueError):
    """names.txt could not be found, fetched or read; the message says what to do."""


def parse_names(text: str, source: str = "<text>") -> list[str]:
    """Split the text of a names file into names, one per line, checking every line.

    A final newline is allowed; an empty line, or a character outside a-z, is an error that names the line.

    >>> parse_names("emma\\nolivia\\n")
    ['emma', 'olivia']
    >>> parse_names("emma\\nOlivia\\n", "my.txt")
    Traceback (most recent call last):
    ...
    makemore_lib.data.DatasetError: my.txt, line 2: 'Olivia' has 'O' at position 0, which is not a lowercase letter a-z
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise DatasetError(f"{source} is empty: it should hold one lowercase name per line")
    try:
        return check_names(lines)
    except ValueError:
        pass  # find the first bad line, to name it
    for number, line in enumerate(lines, start=1):
        if not line:
            raise DatasetError(f"{source}, line {number}: the line is empty") from None
        if line.endswith("\r"):
            raise DatasetError(f"{source}, line {number}: the line ends in a carriage return (Windows line "
                               f"endings); save the file with \\n line endings") from None
        try:
            check_name(line, what="")
        except ValueError as err:
            raise DatasetError(f"{source}, line {number}: {str(err).strip()}") from None
    raise AssertionError("unreachable")  # pragma: no cover


def read_names(path: str | os.PathLike) -> list[str]:
    """Read a names file (one lowercase name per line), with errors that name the path and the line.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "few.txt"
    >>> _ = p.write_text("emma\\nava\\n")
    >>> read_names(p)
    ['emma', 'ava']
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or path, not {type(path).__name__}")
    path = Path(path)
    if not path.exists():
        raise DatasetError(f"{path} does not exist: give the path of names.txt (one name per line)")
    if path.is_dir():
        raise DatasetError(f"{path} is a directory: give the path of the file names.txt inside it")
    data = path.read_bytes()
    if b"\0" in data:
        raise DatasetError(f"{path} is a binary file, not a list of names (one lowercase name per line)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DatasetError(f"{path} is not UTF-8 text (byte {err.start}): it should hold one lowercase name per line") from None
    return parse_names(text, source=str(path))


def cache_dir() -> Path:
    """Where the downloaded names.txt is kept: ``$MAKEMORE_CACHE``, else the user's cache folder.

    >>> import os
    >>> saved = os.environ.get("MAKEMORE_CACHE")
    >>> os.environ["MAKEMORE_CACHE"] = "/tmp/makemore-cache"
    >>> cache_dir()
    PosixPath('/tmp/makemore-cache')
    >>> _ = os.environ.pop("MAKEMORE_CACHE") if saved is None else os.environ.update(MAKEMORE_CACHE=saved)
    """
    import pooch

    return Path(os.environ.get("MAKEMORE_CACHE") or pooch.os_cache("makemore"))


def _drop_if_damaged(path: Path) -> None:
    """Delete a cached file whose checksum is wrong, so that the cache never keeps a bad copy."""
    import pooch

    if path.is_file() and pooch.file_hash(str(path)) != NAMES_SHA256:
        path.unlink()


def download_names() -> Path:
    """Download names.txt into the cache (once), verify its sha256, and return its path.

    pooch downloads into a temporary file and moves it into the cache only when the checksum matches, and
    downloads again when the cached file does not match: the cache never holds a bad file.
    """
    import pooch
    import requests

    cached = cache_dir() / "names.txt"
    try:
        return Path(pooch.retrieve(NAMES_URL, known_hash=f"sha256:{NAMES_SHA256}", fname="names.txt",
                                   path=cache_dir(), progressbar=False))
    except requests.exceptions.RequestException as err:
        _drop_if_damaged(cached)
        raise DatasetError(
            f"could not download names.txt from {NAMES_URL} ({type(err).__name__}). "
            f"Go online and try again, or download names.txt yourself and set the environment variable "
            f"{ENV_VAR} to its path (or pass the path to load_names)."
        ) from None
    except ValueError as err:  # pooch: the downloaded file's hash does not match
        raise DatasetError(
            f"the names.txt downloaded from {NAMES_URL} is damaged (checksum mismatch: {err}); nothing was "
            f"kept in the cache. Try again, or set {ENV_VAR} to the path of a good copy."
        ) from None


def load_names(path: str | os.PathLike | None = None) -> list[str]:
    """Return the dataset's names: from ``path``, else the file in ``$MAKEMORE_NAMES``, else a checked download.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "few.txt"
    >>> _ = p.write_text("emma\\nolivia\\nava")
    >>> load_names(p)
    ['emma', 'olivia', 'ava']
    """
    if path is None and os.environ.get(ENV_VAR):
        path = os.environ[ENV_VAR]
        try:
            return read_names(path)
        except DatasetError as err:
            raise DatasetError(f"{err} (from the environment variable {ENV_VAR})") from None
    if path is None:
        path = download_names()
    return read_names(path)


def split_names(names: list[str], fractions: tuple[float, ...] = (0.8, 0.1, 0.1), seed: int = 42) -> list[list[str]]:
    """Shuffle ``names`` with a seeded generator and cut them into parts of the given fractions.

    >>> train, dev = split_names(["a", "b", "c", "d", "e"], (0.6, 0.4), seed=1)
    >>> len(train), len(dev), sorted(train + dev)
    (3, 2, ['a', 'b', 'c', 'd', 'e'])
    """
    import torch

    names = check_names(names)
    if not isinstance(fractions, (tuple, list)) or not all(
            isinstance(f, (int, float)) and not isinstance(f, bool) for f in fractions):
        raise TypeError(f"fractions must be a tuple of numbers, not {fractions!r}")
    if not fractions or any(not (0 < f <= 1) for f in fractions) or abs(sum(fractions) - 1) > 1e-9:
        raise ValueError(f"fractions must be positive and add up to 1, not {fractions}")
    order = torch.randperm(len(names), generator=torch.Generator().manual_seed(check_seed(seed))).tolist()
    cuts = np.round(np.cumsum((0,) + tuple(fractions)) * len(names)).astype(int)
    return [[names[i] for i in order[a:b]] for a, b in zip(cuts, cuts[1:])]
