"""Loading the names dataset: a local file if you have one, else a download by pooch, sha256-checked, into a cache;
every failure a DatasetError that says what to do."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pooch
import torch

from .checks import check_int, checked, given
from .vocabulary import check_name, check_names

NAMES_URL = "https://raw.githubusercontent.com/karpathy/makemore/master/names.txt"
NAMES_SHA256 = "0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d"
ENV_VAR = "MAKEMORE_NAMES"
CACHE_VAR = "MAKEMORE_CACHE"
MAX_FILE_BYTES = 10_000_000   # the largest file read (names.txt has 228,145 bytes)
DOWNLOAD_TIMEOUT = 30


class DatasetError(ValueError):
    """names.txt could not be found, fetched or read; the message says what to do."""


def parse_names(text: str, source: str = "<text>") -> list[str]:
    """Split the text of a names file into names, one per line; a bad line is an error that names it.

    >>> parse_names("emma\\nolivia\\n")
    ['emma', 'olivia']
    >>> parse_names("emma\\nOlivia\\n", "my.txt")
    Traceback (most recent call last):
    makemore_lib.data.DatasetError: my.txt, line 2: 'Olivia' has 'O' at position 0, which is not a lowercase letter a-z
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {given(text)}")
    lines = text.split("\n")
    if lines[-1] == "":                  # a final newline (or no text at all)
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
        raise TypeError(f"path must be a str or path, not {given(path)}")
    path = Path(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):                       # (on Windows, open() says "permission denied")
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(mode):                   # (open() would wait forever on a pipe)
            raise DatasetError(f"{path} is not a regular file (a device, a pipe or a socket): give the path of "
                               f"names.txt")
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)     # a wrong file never fills memory
    except OSError as err:
        raise DatasetError(_os_problem(path, err)) from None
    if len(data) > MAX_FILE_BYTES:
        raise DatasetError(f"{path} is larger than {MAX_FILE_BYTES:,} bytes: names.txt has 228,145; give the path "
                           f"of names.txt (one name per line)")
    if b"\0" in data:
        raise DatasetError(f"{path} is a binary file, not a list of names (one lowercase name per line)")
    try:
        return parse_names(data.decode("utf-8"), source=str(path))
    except UnicodeDecodeError as err:
        raise DatasetError(f"{path} is not UTF-8 text (byte {err.start}): it should hold one lowercase name per line") from None


_OS_PROBLEMS = {FileNotFoundError: "does not exist: give the path of names.txt (one name per line)",
                NotADirectoryError: "is not reachable: a folder in it is a file",
                IsADirectoryError: "is a directory: give the path of the file names.txt inside it",
                PermissionError: "cannot be opened: permission denied (check its permissions, or use a copy you "
                                 "can read)"}


def _os_problem(path: Path, err: OSError) -> str:
    """What an OS error on ``path`` means for a reader, and what to do."""
    problem = next((text for kind, text in _OS_PROBLEMS.items() if isinstance(err, kind)), None)
    return f"{path} " + (problem or f"cannot be read ({err.strerror or type(err).__name__})")


def download_names() -> Path:
    """Download names.txt with pooch (once) into ``$MAKEMORE_CACHE``, else ``makemore`` in the user's cache folder;
    return its path. pooch keeps a download only if its sha256 matches (the cache never holds a partial or wrong
    file), and a damaged cached copy is deleted first, even offline.
    """
    folder = os.environ.get(CACHE_VAR)
    if folder is not None and not folder.strip():
        raise DatasetError(f"the environment variable {CACHE_VAR} is set but empty: set it to a folder for "
                           f"the downloaded names.txt, or unset it to use your cache folder")
    folder = Path(folder or pooch.os_cache("makemore"))
    pooch.get_logger().setLevel("WARNING")               # no "Downloading data from ..." line in a chapter
    try:
        if folder.exists() and not folder.is_dir():
            raise DatasetError(f"the cache folder {folder} is a file, not a folder: set {CACHE_VAR} to a folder "
                               f"(or remove the file)")
        if (folder / "names.txt").is_file() and pooch.file_hash(str(folder / "names.txt")) != NAMES_SHA256:
            (folder / "names.txt").unlink()
        return Path(pooch.retrieve(NAMES_URL, known_hash=f"sha256:{NAMES_SHA256}", fname="names.txt", path=folder,
                                   downloader=pooch.HTTPDownloader(timeout=DOWNLOAD_TIMEOUT, progressbar=False)))
    except DatasetError:
        raise
    except ValueError:                                   # pooch: the sha256 of the download does not match
        raise DatasetError(f"the names.txt downloaded from {NAMES_URL} is damaged (its sha256 is not "
                           f"{NAMES_SHA256[:12]}...); nothing was kept in the cache. Try again, or set {ENV_VAR} "
                           f"to the path of a good copy.") from None
    except OSError as err:
        if err.errno is None:                            # requests' errors (the network) are OSErrors without one
            raise DatasetError(f"could not download names.txt from {NAMES_URL} ({type(err).__name__}: {err}). Go "
                               f"online and try again, or download names.txt yourself and set the environment "
                               f"variable {ENV_VAR} to its path (or pass the path to load_names).") from None
        where = Path(err.filename) if err.filename else folder
        raise DatasetError(f"the cache folder {folder} cannot be used: {_os_problem(where, err)}. Set "
                           f"{CACHE_VAR} to a folder you can write, or {ENV_VAR} to the path of names.txt") from None


def load_names(path: str | os.PathLike | None = None) -> list[str]:
    """Return the dataset's names: from ``path``, else the file in ``$MAKEMORE_NAMES``, else a checked download.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "few.txt"
    >>> _ = p.write_text("emma\\nolivia\\nava")
    >>> load_names(p)
    ['emma', 'olivia', 'ava']
    """
    if path is None and ENV_VAR in os.environ:
        if not os.environ[ENV_VAR].strip():
            raise DatasetError(f"the environment variable {ENV_VAR} is set but empty: set it to the path of "
                               f"names.txt, or unset it to download the file")
        try:
            return read_names(os.environ[ENV_VAR])
        except DatasetError as err:
            raise DatasetError(f"{err} (from the environment variable {ENV_VAR})") from None
    return read_names(download_names() if path is None else path)


def _check_fractions(fractions: object) -> tuple[float, ...]:
    if not isinstance(fractions, (tuple, list)) or not all(
            isinstance(f, (int, float)) and not isinstance(f, bool) for f in fractions):
        raise TypeError(f"fractions must be a tuple of numbers, not {given(fractions)}")
    if not fractions or not all(0 < f <= 1 for f in fractions) or abs(sum(fractions) - 1) > 1e-9:
        raise ValueError(f"fractions must be positive and add up to 1, not {given(fractions)}")
    return tuple(fractions)


@checked(names=check_names, fractions=_check_fractions, seed=lambda seed: check_int(seed, "seed", 0, 2**63 - 1,
                                                                                    "2**63 - 1"))
def split_names(names: list[str], fractions: tuple[float, ...] = (0.8, 0.1, 0.1), seed: int = 42) -> list[list[str]]:
    """Shuffle ``names`` with a seeded generator and cut them into parts of the given fractions.

    >>> train, dev = split_names(["a", "b", "c", "d", "e"], (0.6, 0.4), seed=1)
    >>> len(train), len(dev), sorted(train + dev)
    (3, 2, ['a', 'b', 'c', 'd', 'e'])
    """
    order = torch.randperm(len(names), generator=torch.Generator().manual_seed(seed)).tolist()
    cuts = [round(sum(fractions[:i]) * len(names)) for i in range(len(fractions) + 1)]
    return [[names[i] for i in order[a:b]] for a, b in zip(cuts, cuts[1:])]
