"""The layers of xlkip, read from its imports (TYPE_CHECKING imports aside): no import
circle, and a value walks read → validate → tables → render → deliver without any
lower layer importing a higher one."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "xlkip"

COMMANDS = ("xlkip.api", "xlkip.cli", "xlkip.check", "xlkip.compile", "xlkip.templates")
MODELS = ("xlkip.read", "xlkip.validate", "xlkip.tables")
"""The readers, the checks and the table models: no renderer, no delivery, no command."""
RENDERING = ("xlkip.render", "xlkip.deliver", "xlkip.rekap", "xlsxwriter", *COMMANDS)


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return getattr(test, "id", None) == "TYPE_CHECKING" or (
        getattr(test, "attr", None) == "TYPE_CHECKING"
    )


def _imported(node: ast.AST, module: str, is_package: bool) -> set[str]:
    """Every name imported anywhere in `node` (a function's imports count too), as the
    dotted module or module.name it refers to."""
    found: set[str] = set()
    if isinstance(node, ast.If) and _type_checking(node):
        for child in node.orelse:
            found |= _imported(child, module, is_package)
        return found
    if isinstance(node, ast.Import):
        found.update(alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parent = module if is_package else module.rpartition(".")[0]
            for _ in range(node.level - 1):
                parent = parent.rpartition(".")[0]
            base = f"{parent}.{base}" if base else parent
        found.update(f"{base}.{alias.name}" for alias in node.names)
    for child in ast.iter_child_nodes(node):
        found |= _imported(child, module, is_package)
    return found


@cache
def imports() -> dict[str, set[str]]:
    """Module -> the names it imports (external ones too, e.g. xlsxwriter.utility)."""
    return {
        module: _imported(
            ast.parse(path.read_text(encoding="utf-8")), module, path.stem == "__init__"
        )
        for module, path in _modules().items()
    }


def _resolve(name: str) -> str | None:
    """The xlkip module a dotted name is in (a package's name is its __init__)."""
    while name and name not in _modules():
        name = name.rpartition(".")[0]
    return name or None


def graph() -> dict[str, set[str]]:
    """Module -> the xlkip modules it imports; a package re-exporting its own modules
    is not an edge (that is its face, not a dependency)."""
    edges = {}
    for module, names in imports().items():
        targets = {_resolve(name) for name in names if name.startswith("xlkip")}
        edges[module] = {t for t in targets if t and t != module and not t.startswith(module + ".")}
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _offending(
    modules: tuple[str, ...], forbidden: tuple[str, ...], exact: bool = False
) -> list[str]:
    """ "m imports n" for each module of `modules` (exactly these with `exact`, else these
    packages) importing something of `forbidden`."""
    return sorted(
        f"{module} imports {name}"
        for module, names in imports().items()
        if (module in modules if exact else _within(module, modules))
        for name in names
        if _within(name, forbidden)
    )


def test_the_circle_finder_finds_a_circle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(edges) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_in_xlkip() -> None:
    assert circles(graph()) == []


def test_readers_checks_and_tables_import_no_renderer_nor_command() -> None:
    assert _offending(MODELS, RENDERING) == []


def test_render_turns_a_built_report_into_files() -> None:
    """Renderers take what is built (the model, the tables' results, the inputs as read):
    never the readers or the checks that made them, nor anything that comes after."""
    making = ("xlkip.read", "xlkip.validate")
    later = ("xlkip.deliver", "xlkip.rekap", "xlkip.sipd", *COMMANDS)
    assert _offending(("xlkip.render",), (*making, *later)) == []


def test_the_workbook_renderer_knows_only_the_model() -> None:
    """xlsx.py writes any WorkbookModel: nothing of the inputs or the tables."""
    upstream = ("xlkip.read", "xlkip.validate", "xlkip.tables", "xlkip.schema", "xlkip.inputs")
    assert _offending(("xlkip.render.xlsx",), upstream, exact=True) == []


def test_only_the_cli_and_the_face_import_the_rekap_and_the_face() -> None:
    top = ("xlkip.api", "xlkip.cli", "xlkip.__main__", "xlkip.rekap")
    rest = tuple(m for m in _modules() if not _within(m, top))
    assert _offending(rest, ("xlkip.rekap", "xlkip.api", "xlkip.cli"), exact=True) == []


def test_api_is_a_thin_face() -> None:
    source = (PACKAGE / "api.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 250
    long = [
        node.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > 40
    ]
    assert long == []


def _unit(module: str) -> str:
    """`read/` for a module of the package xlkip.read, `inputs` for xlkip.inputs."""
    parts = module.split(".")
    if len(parts) > 2 or (PACKAGE / parts[-1]).is_dir():
        return parts[1] + "/"
    return parts[-1]


def _declared(package: Path) -> set[str]:
    """The units listed on the "May import:" paragraph of a package's docstring ("nothing"
    for none)."""
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "May import:" in doc, f"{package.name}/__init__.py says what it may import"
    listed = " ".join(doc.split("May import:", 1)[1].split("\n\n", 1)[0].split())
    names = {name.strip() for name in listed.rstrip(".").split(",") if name.strip()}
    return set() if names == {"nothing"} else names


def test_each_package_says_what_it_may_import_and_imports_nothing_else() -> None:
    units = {_unit(module) for module in _modules() if module != "xlkip"}
    beyond = {}
    for package in sorted(p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()):
        declared = _declared(package)
        assert declared <= units, f"{package.name}: unknown {sorted(declared - units)}"
        own = f"xlkip.{package.name}"
        used = {
            _unit(target)
            for module, targets in graph().items()
            if _within(module, (own,))
            for target in targets
            if not _within(target, (own,)) and target != "xlkip"
        }
        if used - declared:
            beyond[package.name] = sorted(used - declared)
    assert beyond == {}
