"""The recognizer backends, in one registry.

Each entry says how to load the statistical tagger the rules are joined
with (none for ``rules``), whether it is installed, the one line that
installs it, and the packages whose data decide its output (they enter the
extractor version, so a cached result of another tagger is never reused).
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from typing import Callable

from kg.config import Backend, Conventions
from kg.extract import jiagu_ner, lac
from kg.extract.base import BackendUnavailable

__all__ = ["BackendSpec", "BackendUnavailable", "REGISTRY", "spec", "installed", "load", "package_versions",
           "versions_of"]


@dataclass(frozen=True)
class BackendSpec:
    backend: Backend
    modules: tuple[str, ...]        # importable modules it needs
    packages: tuple[str, ...]       # distributions whose versions decide its output
    install_hint: str
    loader: Callable[[Conventions], object] | None   # the statistical recognizer, or None for the rules alone


def _load_lac(conventions: Conventions):
    return lac.LacRecognizer(rules=conventions.value)


def _load_jiagu(conventions: Conventions):
    return jiagu_ner.JiaguRecognizer()



# The segmenter's packages count for every backend: the rules run on its tags.
_SEGMENTER = ("jieba", "rjieba")

REGISTRY: dict[Backend, BackendSpec] = {
    Backend.RULES: BackendSpec(Backend.RULES, (), _SEGMENTER, "", None),
    Backend.LAC: BackendSpec(
        Backend.LAC, ("paddle", "LAC"), _SEGMENTER + ("LAC", "paddlepaddle"), lac.INSTALL_HINT, _load_lac),
    Backend.JIAGU: BackendSpec(
        Backend.JIAGU, ("jiagu",), _SEGMENTER + ("jiagu",), jiagu_ner.INSTALL_HINT, _load_jiagu),
}


def spec(backend: Backend | str) -> BackendSpec:
    return REGISTRY[Backend(backend)]


def installed(backend: Backend | str) -> bool:
    """Whether every module the backend needs can be imported (without importing it).

    >>> installed("rules")
    True
    """
    return all(importlib.util.find_spec(m) is not None for m in spec(backend).modules)


def load(backend: Backend | str, conventions: Conventions = Conventions.KG):
    """The backend's statistical recognizer (None for the rules); ``BackendUnavailable`` when missing."""
    entry = spec(backend)
    if not installed(entry.backend):
        raise BackendUnavailable(entry.install_hint)
    return entry.loader(Conventions(conventions)) if entry.loader else None


def package_versions(backend: Backend | str) -> str:
    """``name=version`` of each package that decides the backend's output, for the extractor version."""
    return versions_of(spec(backend).packages)


def versions_of(packages: tuple[str, ...]) -> str:
    """``name=version;...`` of installed ``packages`` (``name=none`` for a missing one)."""
    parts = []
    for package in packages:
        try:
            parts.append(f"{package}={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package}=none")
    return ";".join(parts)
