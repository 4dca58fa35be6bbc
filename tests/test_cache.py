"""The per-article cache holds data, never code, and trusts only entries this user sealed."""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import zlib

import pytest

from kg.cache import CacheEntryError, DocCache, decode, encode, seal, unseal, user_key
from kg.pipeline import BuildOptions, build

from conftest import SEEDS

MARKER = "kg-test-the-cache-ran-code"


class _RunsCode:
    def __reduce__(self):
        return (os.system, (f"touch {MARKER}",))


def _entries(out):
    return sorted((out / ".cache").rglob("*.kgc"))


@pytest.fixture
def primed(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    build([str(corpus)], BuildOptions(out_dir=out, workers=1, write_html=False))
    return corpus, out


def _rebuild(corpus, out):
    (out / ".kg-build.json").unlink(missing_ok=True)
    return build([str(corpus)], BuildOptions(out_dir=out, workers=1, write_html=False))[1]


def test_a_pickle_in_the_cache_never_runs(primed, tmp_path, monkeypatch):
    """The attack of a writable cache folder: a pickle whose loading runs a command."""
    corpus, out = primed
    monkeypatch.chdir(tmp_path)
    payload = zlib.compress(pickle.dumps(_RunsCode()))
    for i, entry in enumerate(_entries(out)):
        # The old layout (magic, unkeyed checksum, pickle) and the current one with an unkeyed checksum.
        magic, size = (b"KGC1", 16) if i % 2 else (b"KGC2", 32)
        entry.write_bytes(magic + hashlib.blake2b(payload, digest_size=size).digest() + payload)
    summary = _rebuild(corpus, out)
    assert not (tmp_path / MARKER).exists()
    assert summary.extracted == 5 and summary.from_cache == 0
    assert len(summary.cache_rejected) == 5


def test_a_forged_entry_with_fake_entities_is_rejected(primed):
    """Well-formed data sealed without the user's key (an unkeyed checksum) is not trusted."""
    corpus, out = primed
    entry = _entries(out)[0]
    results = decode(unseal(entry.read_bytes(), user_key()))
    results[0].entities[0].name = "假冒的名字"
    forged = encode(results)
    entry.write_bytes(b"KGC2" + hashlib.blake2b(forged, digest_size=32).digest() + forged)
    summary = _rebuild(corpus, out)
    assert summary.from_cache == 4 and summary.extracted == 1
    assert "假冒的名字" not in (out / "entities.csv").read_text(encoding="utf-8")


def test_an_entry_of_another_model_fails_validation():
    """Data of the wrong shape is a CacheEntryError, whoever sealed it."""
    key = b"k" * 32
    for bad in (b"", zlib.compress(b"\x93\x01\x02\x03"), zlib.compress(b"\xc1")):
        with pytest.raises(CacheEntryError):
            decode(unseal(seal(bad, key), key))


def test_entries_round_trip_and_check_their_key():
    key, other = os.urandom(32), os.urandom(32)
    entry = seal(encode([]), key)
    assert decode(unseal(entry, key)) == []
    with pytest.raises(CacheEntryError):
        unseal(entry, other)


def test_a_key_file_others_can_read_is_not_trusted(tmp_path, caplog):
    path = tmp_path / "cache.key"
    first = user_key(path)
    assert (path.stat().st_mode & 0o777) == 0o600
    assert user_key(path) == first
    path.chmod(0o644)
    assert user_key(path) != first
    assert "not usable" in caplog.text


def test_an_unwritable_cache_folder_only_loses_the_cache(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = DocCache(blocker, "0" * 16)
    cache.put("ab" * 32, [])
    assert blocker.read_text(encoding="utf-8").startswith("a file")
