"""The shape of the code a newcomer relies on: imports one way, every default in kg.config."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click
import networkx as nx

from kg.config import DEFAULTS, BuildOptions

KG = Path(__file__).resolve().parent.parent / "kg"


def _module(path: Path) -> str:
    parts = list(path.relative_to(KG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(KG.rglob("*.py")) if p.name != "__main__.py"}


def _imports(module: str, path: Path) -> set[str]:
    """The kg modules ``module`` imports anywhere in its body, lazy imports in functions included."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + [base] * bool(base))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != module)
    return found


def test_the_import_graph_has_no_cycle():
    graph = nx.DiGraph()
    for module, path in MODULES.items():
        graph.add_node(module)
        graph.add_edges_from((module, target) for target in _imports(module, path))
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], f"import cycles: {cycles}"


def test_the_stages_do_not_reach_back_into_the_orchestrator():
    """Only the command line imports the pipeline; the per-document step imports neither it nor the cache."""
    for module, path in MODULES.items():
        targets = _imports(module, path)
        if module not in ("kg.cli", "kg.pipeline"):
            assert "kg.pipeline" not in targets, module
    assert not {"kg.cache", "kg.parallel", "kg.pipeline"} & _imports("kg.docstep", MODULES["kg.docstep"])


def test_each_module_imports_alone_in_a_fresh_interpreter():
    def load(module: str) -> tuple[str, str]:
        run = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120)
        return module, run.stderr.strip().splitlines()[-1] if run.returncode else ""

    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [(m, err) for m, err in pool.map(load, MODULES) if err]
    assert failures == []


def _build_command() -> click.Command:
    from kg.cli import main
    return main.commands["build"]


# The build options whose command-line flag is named otherwise.
_FLAG_FIELD = {"out_dir": "out_dir", "formats": "rdf_formats", "backend": "backend", "cache_dir": "cache_dir",
               "dask_address": "dask"}


def test_every_build_option_default_comes_from_the_config():
    fields = {f for f in BuildOptions.__dataclass_fields__}
    checked = 0
    for param in _build_command().params:
        name = _FLAG_FIELD.get(param.name, param.name)
        if name not in fields:
            continue
        expected = getattr(DEFAULTS, name)
        default = param.default
        if isinstance(expected, tuple):
            expected = [getattr(v, "value", v) for v in expected]
            default = list(default)
        expected = getattr(expected, "value", expected)
        assert (str(default) if isinstance(expected, Path) else default) == (
            str(expected) if isinstance(expected, Path) else expected), name
        checked += 1
    assert checked >= 10


def test_the_command_line_writes_no_default_of_its_own():
    """A literal default in cli.py would be a second home for it: they all name kg.config."""
    source = (KG / "cli.py").read_text(encoding="utf-8")
    literals = re.findall(r"(?<!show_)default=(?!DEFAULTS\.|str\(DEFAULTS|\[f\.value for f in DEFAULTS|EVAL_DEFAULTS\.|"
                          r"VIEW_DEFAULTS\.|None)"
                          r"([^,)]+)", source)
    assert literals == []


def test_the_readme_module_table_names_every_module():
    readme = (KG.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| module | stage |"):]
    table = table[:table.index("\n\n")]
    named = set(re.findall(r"`(kg/[\w/]+\.py)`", table)) | set(re.findall(r"`kg/(\w+)/`", table))
    missing = []
    for path in MODULES.values():
        rel = path.relative_to(KG.parent).as_posix()
        if path.name in ("__init__.py", "__main__.py"):
            continue
        package = path.parent.name if path.parent != KG else None
        if rel not in named and not (package and package in named and path.name in table):
            missing.append(rel)
    assert missing == []


# What one branch costs: each of these adds a path a reader must follow.
_BRANCHES = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler, ast.With, ast.AsyncWith,
             ast.Assert, ast.IfExp, ast.comprehension)


def _complexity(function: ast.AST) -> int:
    """1 + each branch + each extra operand of ``and``/``or``; a nested function is measured on its own."""
    count, stack = 1, list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        count += isinstance(node, _BRANCHES)
        if isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
        stack.extend(ast.iter_child_nodes(node))
    return count


def test_extraction_functions_are_small():
    """No function in kg/extract/ runs over 45 lines or cyclomatic complexity 15.

    Complexity is counted as 1 + each if/elif/for/while/except/with/assert, each
    conditional expression, each comprehension's ``for``, and each extra operand of
    ``and``/``or``: past that, a function no longer fits in a reader's head and is
    split into named helpers and predicates.
    """
    too_big = []
    for path in sorted((KG / "extract").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines, complexity = node.end_lineno - node.lineno + 1, _complexity(node)
                if lines > 45 or complexity > 15:
                    too_big.append(f"{path.name} {node.name} lines={lines} cc={complexity}")
    assert too_big == []


def test_every_csv_is_written_through_csvsafe():
    # A cell a spreadsheet would run as a formula is neutralized only on the way through kg.csvsafe.
    writers = [p.relative_to(KG.parent).as_posix() for p in sorted(KG.rglob("*.py"))
               if "csv.writer(" in p.read_text(encoding="utf-8") or "DictWriter(" in p.read_text(encoding="utf-8")]
    assert writers == ["kg/csvsafe.py"]
