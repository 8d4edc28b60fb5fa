import hashlib
import os

import pytest
import requests

from makemore_lib import data
from makemore_lib.data import DatasetError, load_names, parse_names, read_names, split_names


def test_path_argument(tmp_path):
    p = tmp_path / "n.txt"
    p.write_text("emma\nava\n")
    assert load_names(p) == ["emma", "ava"]


def test_environment_variable(tmp_path, monkeypatch):
    p = tmp_path / "n.txt"
    p.write_text("zoe")
    monkeypatch.setenv("MAKEMORE_NAMES", str(p))
    assert load_names() == ["zoe"]


def test_argument_beats_environment(tmp_path, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("ann")
    b.write_text("bob")
    monkeypatch.setenv("MAKEMORE_NAMES", str(b))
    assert load_names(a) == ["ann"]


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    (b"emma\nOlivia\n", r"line 2: 'Olivia' has 'O' at position 0"),
    (b"emma\n\nava\n", "line 2: the line is empty"),
    (b"emma\r\nava\r\n", "line 1: .*carriage return"),
    (b"ann\nzo\xc3\xab\n", "line 2: 'zo\u00eb' has '\u00eb' at position 2"),
    (b"\xff\xfe", "not UTF-8"),
])
def test_bad_files_name_path_and_line(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(DatasetError, match=message) as info:
        load_names(p)
    assert str(p) in str(info.value)


def test_missing_and_directory(tmp_path, monkeypatch):
    with pytest.raises(DatasetError, match="does not exist"):
        load_names(tmp_path / "nope.txt")
    with pytest.raises(DatasetError, match="is a directory"):
        load_names(tmp_path)
    monkeypatch.setenv("MAKEMORE_NAMES", str(tmp_path / "nope.txt"))
    with pytest.raises(DatasetError, match="MAKEMORE_NAMES"):
        load_names()


class FakeNetwork:
    """Stands in for requests.get, which pooch downloads with: serves given bytes, fails like a machine with no
    network, or cuts the connection after ``cut_after`` bytes (a download failing midway)."""

    def __init__(self, payload: bytes | None, cut_after: int | None = None):
        self.payload = payload
        self.cut_after = cut_after
        self.calls = 0

    def __call__(self, url, timeout=None, **kwargs):
        self.calls += 1
        if self.payload is None:
            raise requests.exceptions.ConnectionError("Failed to establish a new connection: Network is unreachable")
        return FakeResponse(self.payload, self.cut_after)


class FakeResponse:
    headers: dict = {}

    def __init__(self, payload: bytes, cut_after: int | None):
        self.payload, self.cut_after = payload, cut_after

    def raise_for_status(self):
        pass

    def iter_content(self, chunk_size=1024):
        if self.cut_after is None:
            yield self.payload
            return
        yield self.payload[:self.cut_after]
        raise requests.exceptions.ChunkedEncodingError("Connection broken: IncompleteRead")


@pytest.fixture
def offline_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("MAKEMORE_NAMES", raising=False)
    monkeypatch.setenv("MAKEMORE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _use_network(monkeypatch, payload, good_hash, cut_after=None):
    fake = FakeNetwork(payload, cut_after)
    monkeypatch.setattr("requests.get", fake)
    monkeypatch.setattr(data, "NAMES_SHA256", good_hash)
    return fake


GOOD = b"emma\nolivia\nava"
GOOD_HASH = hashlib.sha256(GOOD).hexdigest()


def test_offline_says_how_to_fix(offline_cache, monkeypatch):
    _use_network(monkeypatch, None, GOOD_HASH)
    with pytest.raises(DatasetError, match="MAKEMORE_NAMES") as info:
        load_names()
    assert "Go online" in str(info.value)
    assert not (offline_cache / "names.txt").exists()


def test_download_is_cached_and_checked(offline_cache, monkeypatch):
    fake = _use_network(monkeypatch, GOOD, GOOD_HASH)
    assert load_names() == ["emma", "olivia", "ava"]
    assert load_names() == ["emma", "olivia", "ava"]
    assert fake.calls == 1
    assert (offline_cache / "names.txt").read_bytes() == GOOD


def test_corrupt_download_leaves_nothing_then_recovers(offline_cache, monkeypatch):
    _use_network(monkeypatch, GOOD[:7], GOOD_HASH)           # truncated
    with pytest.raises(DatasetError, match="damaged .*nothing was kept"):
        load_names()
    assert not (offline_cache / "names.txt").exists()
    _use_network(monkeypatch, GOOD, GOOD_HASH)               # the network is back
    assert load_names() == ["emma", "olivia", "ava"]


def test_corrupt_file_in_cache_is_replaced(offline_cache, monkeypatch):
    offline_cache.mkdir()
    (offline_cache / "names.txt").write_bytes(b"garbage\x00")
    fake = _use_network(monkeypatch, GOOD, GOOD_HASH)
    assert load_names() == ["emma", "olivia", "ava"]
    assert fake.calls == 1


def test_parse_allows_one_final_newline():
    assert parse_names("a\nb\n") == ["a", "b"]
    with pytest.raises(DatasetError, match="line 3: the line is empty"):
        parse_names("a\nb\n\n")


def test_split_is_seeded_and_complete():
    names = [f"n{chr(97 + i % 26)}" * (1 + i // 26) for i in range(100)]
    names = [n.replace("n", "") or "a" for n in names]
    a = split_names(names, (0.8, 0.1, 0.1), seed=3)
    b = split_names(names, (0.8, 0.1, 0.1), seed=3)
    assert a == b and [len(part) for part in a] == [80, 10, 10]
    assert sorted(sum(a, [])) == sorted(names)
    with pytest.raises(ValueError, match="add up to 1"):
        split_names(names, (0.5, 0.4))


@pytest.mark.dataset
def test_real_dataset(names_path):
    raw = names_path.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == data.NAMES_SHA256
    names = read_names(names_path)
    assert len(names) == 32_033
    assert names[:3] == ["emma", "olivia", "ava"]
    assert sum(len(w) + 1 for w in names) == 228_146


def test_corrupt_cache_while_offline_is_removed(offline_cache, monkeypatch):
    offline_cache.mkdir()
    (offline_cache / "names.txt").write_bytes(b"emma\nolivi")       # a truncated earlier download
    _use_network(monkeypatch, None, GOOD_HASH)
    with pytest.raises(DatasetError, match="Go online"):
        load_names()
    assert not (offline_cache / "names.txt").exists()
    _use_network(monkeypatch, GOOD, GOOD_HASH)
    assert load_names() == ["emma", "olivia", "ava"]


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "does not exist"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: p.write_bytes(b""), "is empty"),
    (lambda p: p.write_bytes(bytes(range(256))), "binary file"),
    (lambda p: p.write_text("ann\nbob\nCarl\n"), "line 3: 'Carl' has 'C' at position 0"),
], ids=["missing", "directory", "empty", "binary", "bad line"])
def test_environment_variable_faults_name_path_and_variable(tmp_path, monkeypatch, make, message):
    path = tmp_path / "names.txt"
    make(path)
    monkeypatch.setenv("MAKEMORE_NAMES", str(path))
    with pytest.raises(DatasetError, match=message) as info:
        load_names()
    assert str(path) in str(info.value) and "MAKEMORE_NAMES" in str(info.value)


# --- faults: every OS error, device and half-finished download becomes one DatasetError naming path and fix -------

def test_download_cut_midway_leaves_no_file(offline_cache, monkeypatch):
    _use_network(monkeypatch, GOOD, GOOD_HASH, cut_after=5)
    with pytest.raises(DatasetError, match="ChunkedEncodingError: Connection broken.*Go online") as info:
        load_names()
    assert "MAKEMORE_NAMES" in str(info.value)
    assert not offline_cache.exists() or os.listdir(offline_cache) == []      # no names.txt, no temporary file
    _use_network(monkeypatch, GOOD, GOOD_HASH)
    assert load_names() == ["emma", "olivia", "ava"]
    assert os.listdir(offline_cache) == ["names.txt"]


def test_disk_full_midway_keeps_the_old_state(offline_cache, monkeypatch):
    # The disk fills while the download is written: nothing half-written is left behind, the cache is named.
    fake = _use_network(monkeypatch, GOOD, GOOD_HASH)
    fake.payload = None
    monkeypatch.setattr("requests.get", lambda *a, **k: DiskFull())
    with pytest.raises(DatasetError, match="No space left on device") as info:
        load_names()
    assert str(offline_cache) in str(info.value) and "MAKEMORE_CACHE" in str(info.value)
    assert os.listdir(offline_cache) == []
    _use_network(monkeypatch, GOOD, GOOD_HASH)
    assert load_names() == ["emma", "olivia", "ava"]


class DiskFull(FakeResponse):
    def __init__(self):
        super().__init__(GOOD, None)

    def iter_content(self, chunk_size=1024):
        raise OSError(28, "No space left on device")


def test_cache_that_is_a_file(tmp_path, monkeypatch):
    monkeypatch.delenv("MAKEMORE_NAMES", raising=False)
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MAKEMORE_CACHE", str(blocker))
    fake = _use_network(monkeypatch, GOOD, GOOD_HASH)
    with pytest.raises(DatasetError, match="is a file, not a folder: set MAKEMORE_CACHE") as info:
        load_names()
    assert str(blocker) in str(info.value) and fake.calls == 0
    monkeypatch.setenv("MAKEMORE_CACHE", str(blocker / "below"))     # a folder inside a file
    with pytest.raises(DatasetError, match="a folder in it is a file") as info:
        load_names()
    assert "MAKEMORE_CACHE" in str(info.value)


def test_cache_without_write_permission(offline_cache, monkeypatch):
    # Simulated (the tests may run as root, whom chmod does not stop): creating the temporary file is refused.
    _use_network(monkeypatch, GOOD, GOOD_HASH)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(offline_cache / ".names-x.part"))

    monkeypatch.setattr("tempfile.NamedTemporaryFile", refuse)
    with pytest.raises(DatasetError, match="permission denied.*Set MAKEMORE_CACHE to a folder you can write"):
        load_names()
    assert not (offline_cache / "names.txt").exists()


@pytest.mark.parametrize("value, variable", [("", "MAKEMORE_NAMES"), ("   ", "MAKEMORE_NAMES"),
                                             ("", "MAKEMORE_CACHE")])
def test_empty_environment_variables_are_errors(offline_cache, monkeypatch, value, variable):
    fake = _use_network(monkeypatch, GOOD, GOOD_HASH)
    monkeypatch.setenv(variable, value)
    with pytest.raises(DatasetError, match=f"{variable} is set but empty"):
        load_names()
    assert fake.calls == 0


@pytest.mark.parametrize("error, says", [
    (PermissionError(13, "Permission denied"), "permission denied"),
    (NotADirectoryError(20, "Not a directory"), "a folder in it is a file"),
    (IsADirectoryError(21, "Is a directory"), "is a directory"),
    (OSError(5, "Input/output error"), "cannot be read (Input/output error)"),
], ids=["permission", "not a directory", "is a directory", "I/O error"])
def test_os_errors_on_open_name_the_path(tmp_path, monkeypatch, error, says):
    path = tmp_path / "names.txt"
    path.write_text("emma\n")
    real_open = open

    def failing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise error
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(DatasetError) as info:
        load_names(path)
    assert str(path) in str(info.value) and says in str(info.value)


def test_real_os_errors(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("emma\n")
    with pytest.raises(DatasetError, match="a folder in it is a file"):
        load_names(blocker / "names.txt")            # NotADirectoryError from the OS
    with pytest.raises(DatasetError, match="is a directory"):
        load_names(tmp_path)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_at_once(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    with pytest.raises(DatasetError, match="not a regular file"):
        load_names(device)


def test_a_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(DatasetError, match="not a regular file"):
        load_names(fifo)                             # opening it would wait forever for a writer


def test_a_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("emma\n" * 1000)
    with pytest.raises(DatasetError, match="larger than 1,000 bytes") as info:
        load_names(big)
    assert str(big) in str(info.value)
