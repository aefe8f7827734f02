"""Every finding code xlkip can emit, read from its source with `ast`.

A code is a `kode` argument: the parameter named `kode` of any function or dataclass in
xlkip (`error`, `peringatan`, `info`, `Finding`, `Problem`, the SIPD `Check` …), given
at a call, also through a parameter that defaults to one of them (`make=error`). Its
expression is resolved here: a string, either branch of a conditional, a module
constant, or an f-string listed in FORMATTED. A `kode` passed on unchanged (a
parameter, a record's `.kode`) was resolved where it was made. Anything else is reported
as unresolved, so a new way of making a code fails the docs test instead of being missed.

`python -m tests.finding_codes` prints every code with its tingkat and where it is made.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "xlkip"

FORMATTED = {
    # validate/kode.py: the program or kegiatan part of a sub kegiatan code
    "kode_tidak_cocok_{key}": ("kode_tidak_cocok_program", "kode_tidak_cocok_kegiatan"),
}
NOT_FINDINGS = {"Instrument", "Band", "Edisi"}
"""Callables with a `kode` that is not a finding's: an instrument's, a band's and an LKE
edition's key."""
_TINGKAT = {"error": "error", "peringatan": "peringatan", "info": "info"}


@dataclass(frozen=True)
class Site:
    kode: str
    tingkat: str
    """error, peringatan or info where the call says it; "" where it depends (a Problem)."""
    where: str


@dataclass
class Scan:
    sites: list[Site]
    unresolved: list[str]

    @property
    def codes(self) -> set[str]:
        return {site.kode for site in self.sites}


def _modules() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}


def _kode_positions(modules: dict[Path, ast.Module]) -> dict[str, int]:
    """Callable name -> position of its `kode` parameter (functions and dataclasses)."""
    positions: dict[str, int] = {}
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [a.arg for a in [*node.args.posonlyargs, *node.args.args]]
            elif isinstance(node, ast.ClassDef):
                names = [
                    item.target.id
                    for item in node.body
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
                ]
            else:
                continue
            if "kode" in names and node.name not in NOT_FINDINGS:
                positions[node.name] = names.index("kode")
    # A parameter defaulting to a maker (`make: Callable[..., Finding] = error`) is one too.
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                arguments = [*node.args.posonlyargs, *node.args.args]
                defaults = node.args.defaults
                for argument, default in zip(arguments[-len(defaults) :], defaults, strict=False):
                    if isinstance(default, ast.Name) and default.id in positions:
                        positions.setdefault(argument.arg, positions[default.id])
    return positions


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" and NAME, OTHER = "a", "b"."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            pairs = []
            if isinstance(target, ast.Name):
                pairs = [(target, node.value)]
            elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                pairs = list(zip(target.elts, node.value.elts, strict=False))
            for name, value in pairs:
                text = value.value if isinstance(value, ast.Constant) else None
                if isinstance(name, ast.Name) and isinstance(text, str):
                    found[name.id] = text
    return found


def _parameters(tree: ast.Module) -> dict[int, set[str]]:
    """Line of each node inside a function -> the parameter names of that function."""
    inside: dict[int, set[str]] = defaultdict(set)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            names = {a.arg for a in arguments}
            for child in ast.walk(node):
                if hasattr(child, "lineno"):
                    inside[child.lineno] |= names
    return inside


def _resolve(expr: ast.expr, constants: dict[str, str], params: set[str]) -> list[str] | None:
    """The codes an expression can be; [] when it forwards a code made elsewhere (a
    parameter, a record's `.kode`, a local `kode = …`, which is scanned by itself)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if isinstance(expr, ast.IfExp):
        body = _resolve(expr.body, constants, params)
        orelse = _resolve(expr.orelse, constants, params)
        return None if body is None or orelse is None else body + orelse
    if isinstance(expr, ast.Name):
        if expr.id in constants:
            return [constants[expr.id]]
        if expr.id in params or expr.id == "kode":
            return []
        return None
    if isinstance(expr, ast.Attribute) and expr.attr == "kode":
        return []
    if isinstance(expr, ast.JoinedStr):
        return list(FORMATTED.get(_template(expr), ())) or None
    return None


def _template(expr: ast.JoinedStr) -> str:
    parts = []
    for value in expr.values:
        if isinstance(value, ast.Constant):
            parts.append(str(value.value))
        else:
            parts.append("{" + ast.unparse(value.value) + "}")
    return "".join(parts)


def _kode_argument(call: ast.Call, position: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "kode":
            return keyword.value
    if position < len(call.args) and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return None


def _local_assignments(tree: ast.Module) -> list[tuple[ast.expr, int]]:
    """`kode = …` inside functions, and `kode: str = …` defaults of dataclasses."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id == "kode" for t in node.targets):
                found.append((node.value, node.lineno))
        elif (
            isinstance(node, ast.AnnAssign)
            and node.value is not None
            and isinstance(node.target, ast.Name)
            and node.target.id == "kode"
        ):
            found.append((node.value, node.lineno))
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(tree: ast.Module, by_module: dict[str, dict[str, str]]) -> dict[str, str]:
    """Constants a module takes from another of the package: from xlkip.x import NAME."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in by_module:
            for alias in node.names:
                if alias.name in by_module[node.module]:
                    found[alias.asname or alias.name] = by_module[node.module][alias.name]
    return found


def scan() -> Scan:
    modules = _modules()
    positions = _kode_positions(modules)
    by_module = {_module_name(path): _constants(tree) for path, tree in modules.items()}
    sites: list[Site] = []
    unresolved: list[str] = []
    for path, tree in sorted(modules.items()):
        constants = {**_imported(tree, by_module), **by_module[_module_name(path)]}
        parameters = _parameters(tree)
        relative = path.relative_to(PACKAGE.parent)
        exprs: list[tuple[ast.expr, int, str]] = []
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in positions:
                continue
            argument = _kode_argument(node, positions[name])
            if argument is not None:
                exprs.append((argument, node.lineno, _TINGKAT.get(name, "")))
        exprs += [(value, line, "") for value, line in _local_assignments(tree)]
        for expr, line, tingkat in exprs:
            codes = _resolve(expr, constants, parameters.get(line, set()))
            if codes is None:
                unresolved.append(f"{relative}:{line}: {ast.unparse(expr)}")
                continue
            sites += [Site(code, tingkat, f"{relative}:{line}") for code in codes]
    return Scan(sites, unresolved)


def main() -> None:
    result = scan()
    by_code: dict[str, list[Site]] = defaultdict(list)
    for site in result.sites:
        by_code[site.kode].append(site)
    for kode in sorted(by_code):
        tingkat = "/".join(sorted({s.tingkat for s in by_code[kode] if s.tingkat})) or "?"
        print(f"{kode:32} {tingkat:18} {', '.join(s.where for s in by_code[kode])}")
    print(f"{len(by_code)} codes")
    for line in result.unresolved:
        print("UNRESOLVED", line)


if __name__ == "__main__":
    main()
