"""Every option of kg and its default, once.

The command line, the pipeline and the library API all read these: a
default written here is the default everywhere (``kg build --help`` shows
it), and a new option is added in one place (see docs/architecture.md).
Choices are enums, so a misspelt choice fails where it is made.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from kg.vocab import DEFAULT_BASE_IRI

__all__ = ["Backend", "Conversion", "Provenance", "RdfFormat", "Conventions", "Period", "BuildOptions", "DEFAULTS",
           "EvalOptions", "EVAL_DEFAULTS", "StatsFormat", "ViewOptions", "VIEW_DEFAULTS", "DEFAULT_CORPUS",
           "QueryOptions", "QUERY_DEFAULTS", "RUN_OPTIONS", "choices"]


class Backend(str, Enum):
    """The recognizer: the rules alone, or with a statistical tagger added (kg.extract.backends)."""
    RULES = "rules"
    LAC = "lac"
    JIAGU = "jiagu"


class Provenance(str, Enum):
    """How much evidence the RDF keeps."""
    NONE = "none"          # entities and relations only
    MENTIONS = "mentions"  # and every mention, with its text position
    FULL = "full"          # and the passages behind every relation


class RdfFormat(str, Enum):
    TTL = "ttl"
    JSONLD = "jsonld"


class Conversion(str, Enum):
    """Which files are read in simplified script (OpenCC, character for character)."""
    AUTO = "auto"   # the files detected as traditional
    ALL = "all"     # every file (--to-simplified)
    NONE = "none"   # none: text as written (--no-convert)


class Conventions(str, Enum):
    """How ``kg eval --ner`` post-processes a statistical tagger's names."""
    PD = "pd"   # as the People's Daily corpus marks them
    KG = "kg"   # as a build keeps them


class Period(str, Enum):
    """The period by which adoption.csv and edges_by_period.csv count."""
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


def choices(enum: type[Enum]) -> list[str]:
    """The values of ``enum``, for a command-line choice.

    >>> choices(Provenance)
    ['none', 'mentions', 'full']
    """
    return [m.value for m in enum]


# The folder read when ``kg build`` is given no paths.
DEFAULT_CORPUS = "seeds"


@dataclass(frozen=True)
class BuildOptions:
    """What ``kg build`` does; each field is one command-line option."""
    out_dir: Path = Path("out")
    pattern: str = "*.txt"                  # file names read inside folders
    base_iri: str = DEFAULT_BASE_IRI
    provenance: Provenance = Provenance.MENTIONS
    rdf_formats: tuple[RdfFormat, ...] = (RdfFormat.TTL,)
    max_nodes: int = 500                    # nodes drawn in graph.html; 0: all
    backend: Backend = Backend.RULES
    write_html: bool = True
    convert: Conversion = Conversion.AUTO   # files read in simplified script
    metadata: Path | None = None            # a metadata file besides the kg-metadata.* of the corpus folders
    identities: Path | None = None          # an identities file besides the kg-identities.csv of the corpus folders
    date_from_name: str | None = None       # a pattern of %Y, %m, %d that dates articles by their file's path
    second_pass: bool = True                # look for names accepted in one story in every story
    workers: int | None = None              # extraction processes; None: one a core
    cache_dir: Path | None = None           # None: out_dir/.cache
    use_cache: bool = True
    dask: str | None = None                 # a scheduler address: extract on a Dask cluster
    reuse_outputs: bool = True              # with the cache on, leave outputs that are up to date alone
    allow_empty: bool = False               # write an empty graph when no document could be read
    strict: bool = False                    # skipped inputs stop the build before anything is written
    write_report: bool = True               # report.html beside the page
    period: Period = Period.MONTH           # the period of adoption.csv and edges_by_period.csv

    def __post_init__(self) -> None:
        # Plain strings from a caller become the enums, so the rest of kg sees one type.
        object.__setattr__(self, "out_dir", Path(self.out_dir))
        object.__setattr__(self, "provenance", Provenance(self.provenance))
        object.__setattr__(self, "backend", Backend(self.backend))
        object.__setattr__(self, "convert", Conversion(self.convert))
        object.__setattr__(self, "period", Period(self.period))
        for name in ("metadata", "identities"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, Path(getattr(self, name)))
        formats = tuple(dict.fromkeys(RdfFormat(f) for f in self.rdf_formats))
        object.__setattr__(self, "rdf_formats", formats)
        if self.cache_dir is not None:
            object.__setattr__(self, "cache_dir", Path(self.cache_dir))

    @property
    def cache_root(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else self.out_dir / ".cache"

    def replace(self, **changes) -> "BuildOptions":
        return dataclasses.replace(self, **changes)


DEFAULTS = BuildOptions()


@dataclass(frozen=True)
class EvalOptions:
    """What ``kg eval`` does besides the build options it shares (the backend)."""
    conventions: Conventions = Conventions.PD   # how --ner scores a tagger's names
    show: int = 30                              # misses and spurious items listed


EVAL_DEFAULTS = EvalOptions()


@dataclass(frozen=True)
class QueryOptions:
    """What ``kg query``, ``kg validate`` and ``kg push`` read and how long they wait."""
    graph: Path = Path("out/graph.ttl")     # the graph read when none is given
    format: str = "table"                   # table, csv or json
    endpoint_timeout: float = 30.0          # seconds for a whole exchange with a SPARQL endpoint
    push_timeout: float = 300.0             # seconds for a push: the store parses the whole graph first
    max_reply_mb: float = 100.0             # an endpoint's answer is held in memory to be parsed


QUERY_DEFAULTS = QueryOptions()


class StatsFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


@dataclass(frozen=True)
class ViewOptions:
    """What the commands that read a finished build do: ``kg stats``, ``kg report``, ``kg subgraph``."""
    stats_format: StatsFormat = StatsFormat.TEXT
    subgraph_depth: int = 2                     # links followed out from the entity
    subgraph_dir: str = "subgraph"              # folder of the subgraph's files, inside the build's folder


VIEW_DEFAULTS = ViewOptions()

# Options that decide how a build runs but not what it writes: two builds
# that differ only in these write the same bytes.
RUN_OPTIONS = frozenset({"out_dir", "workers", "cache_dir", "use_cache", "dask", "reuse_outputs", "allow_empty",
                         "strict"})
