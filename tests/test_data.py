import hashlib

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
    """Stands in for pooch's HTTP downloader: serves given bytes, or fails like a machine with no network."""

    def __init__(self, payload: bytes | None):
        self.payload = payload
        self.calls = 0

    def __call__(self, url, output_file, pooch_obj, check_only=False):
        self.calls += 1
        if self.payload is None:
            raise requests.exceptions.ConnectionError("no network")
        with open(output_file, "wb") as out:
            out.write(self.payload)


@pytest.fixture
def offline_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("MAKEMORE_NAMES", raising=False)
    monkeypatch.setenv("MAKEMORE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _use_network(monkeypatch, payload, good_hash):
    fake = FakeNetwork(payload)
    monkeypatch.setattr("pooch.downloaders.HTTPDownloader.__call__",
                        lambda self, url, output_file, pooch_obj, check_only=False: fake(url, output_file, pooch_obj))
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
    with pytest.raises(DatasetError, match="checksum"):
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
