"""The command line's own words in Indonesian: help, usage and usage errors.

Typer (on click) prints "Usage:", "Options", "Missing argument …" in English, partly
through gettext and partly (in typer's vendored click) as fixed strings. Rather than
hook one of those mechanisms, xlkip gives typer a command and group class whose
context formats help with an Indonesian formatter, and turns every usage error into
an Indonesian message from the error's *data* (its class, parameter and option name),
so a change in click's wording cannot bring English back.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from typer import Abort, Exit
from typer.core import TyperCommand, TyperGroup

try:  # typer >= 0.2x carries its own copy of click
    from typer import _click as click
except ImportError:  # pragma: no cover - older typer on the real click
    import click  # type: ignore[no-redef]

EXIT_USAGE = 2
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())
"""click >= 8.2 shows help for a bare command by raising this usage error."""

HEADINGS = {
    "Usage": "Penggunaan",
    "Arguments": "Argumen",
    "Options": "Opsi",
    "Commands": "Perintah",
}
HELP_OPTION = "Tampilkan bantuan ini lalu keluar."

# Bracketed extras typer appends to an option's help ("[default: 2024]", "[required]").
_EXTRAS = (
    (re.compile(r"\bdefault: "), "baku: "),
    (re.compile(r"\brequired\b"), "wajib"),
    (re.compile(r"\benv var: "), "variabel lingkungan: "),
    (re.compile(r"\(dynamic\)"), "(dinamis)"),
)

# Details of an invalid value, as typer and pydantic word them.
_DETAILS = (
    (re.compile(r"valid integer"), "harus bilangan bulat"),
    (re.compile(r"valid number|valid float"), "harus angka"),
    (re.compile(r"less than or equal to (\S+)"), r"paling besar \1"),
    (re.compile(r"greater than or equal to (\S+)"), r"paling kecil \1"),
    (re.compile(r"less than (\S+)"), r"harus kurang dari \1"),
    (re.compile(r"greater than (\S+)"), r"harus lebih dari \1"),
    (re.compile(r"is not one of (.+?)\.?$"), r"pilih salah satu: \1"),
    (re.compile(r"[Ii]nput should be (.+?)$"), ""),
    (re.compile(r"does not exist"), "tidak ditemukan"),
    (re.compile(r"is a directory"), "adalah folder, bukan berkas"),
    (re.compile(r"is a file"), "adalah berkas, bukan folder"),
)


class IndonesianFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{HEADINGS['Usage']}: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, _extras(text)) for term, text in rows], *args, **kwargs)


def _extras(text: str) -> str:
    for pattern, replacement in _EXTRAS:
        text = pattern.sub(replacement, text)
    return text


class IndonesianContext(click.Context):
    formatter_class = IndonesianFormatter


INTERRUPTED = "Dibatalkan."
EXIT_INTERRUPTED = 1
TYPER_INTERRUPTED = 130
"""Typer turns Ctrl+C outside a command into this code, silently; xlkip never uses it."""


class _Indonesian:
    """What the command and the group share: context, usage and option help written
    from each parameter's data (typer's own shows `<list[Path]>`, `{FOLDER}`,
    `x>=0.01`), the help option, and Ctrl+C."""

    context_class = IndonesianContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.options_metavar == "[OPTIONS]":  # type: ignore[has-type]
            self.options_metavar = "[OPSI]"

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        arguments = [p for p in self.get_params(ctx) if _is_argument(p)]  # type: ignore[attr-defined]
        return pieces + [_usage_piece(p) for p in arguments]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        write_parameters(self.get_params(ctx), formatter)  # type: ignore[attr-defined]

    def invoke(self, ctx: Any) -> Any:
        """Ctrl+C: one word and exit 1, not typer's silent 130 nor a traceback."""
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except KeyboardInterrupt:
            click.echo(f"\n{INTERRUPTED}", err=True)
            raise Exit(EXIT_INTERRUPTED) from None


class IndonesianCommand(_Indonesian, TyperCommand):
    pass


class IndonesianGroup(_Indonesian, TyperGroup):
    command_class = IndonesianCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.subcommand_metavar == "COMMAND [ARGS]...":
            self.subcommand_metavar = "PERINTAH [ARGUMEN]..."

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*super().collect_usage_pieces(ctx), self.subcommand_metavar]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Run with click's own error printing off; print usage errors ourselves."""
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except _NO_ARGS_IS_HELP as exc:
            click.echo(exc.ctx.get_help(), err=True)
            code = EXIT_USAGE
        except click.exceptions.UsageError as exc:
            show_usage_error(exc)
            code = EXIT_USAGE
        except Abort:
            click.echo("Dibatalkan.", err=True)
            code = 1
        except click.exceptions.ClickException as exc:
            click.echo(f"Kesalahan: {exc.format_message()}", err=True)
            code = exc.exit_code
        except KeyboardInterrupt:
            code = TYPER_INTERRUPTED
        if code == TYPER_INTERRUPTED:  # typer's silent exit for Ctrl+C while parsing
            click.echo(f"\n{INTERRUPTED}", err=True)
            code = EXIT_INTERRUPTED
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _is_argument(param: Any) -> bool:
    return param.param_type_name == "argument"


def _metavar(param: Any) -> str:
    return param.metavar or param.name.upper()


def _usage_piece(argument: Any) -> str:
    piece = _metavar(argument) + ("..." if argument.nargs != 1 else "")
    return piece if argument.required else f"[{piece}]"


def write_parameters(params: Sequence[Any], formatter: Any) -> None:
    """The Argumen and Opsi sections: each parameter's name, its value's word
    (FOLDER, BERKAS, TAHUN) and its help, with default, range and "wajib" in words."""
    rows: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
    for param in params:
        if getattr(param, "hidden", False):
            continue
        section = "Arguments" if _is_argument(param) else "Options"
        rows[section].append((_term(param), _help(param)))
    for heading, entries in rows.items():
        if entries:
            with formatter.section(HEADINGS[heading]):
                formatter.write_dl(entries)


def _term(param: Any) -> str:
    if _is_argument(param):
        return _metavar(param) + ("..." if param.nargs != 1 else "")
    names = ", ".join(param.opts)
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return names
    return f"{names} {_metavar(param)}"


def _help(param: Any) -> str:
    extras = [x for x in (_default(param), _range(param)) if x]
    if param.required:
        extras.append("wajib")
    text = getattr(param, "help", None) or ""
    if not extras:
        return text
    return f"{text}  [{'; '.join(extras)}]" if text else f"[{'; '.join(extras)}]"


def _default(param: Any) -> str:
    shown = getattr(param, "show_default", None)
    if isinstance(shown, str):
        return f"baku: {shown}"
    value = param.default
    if (
        not shown
        or getattr(param, "is_flag", False)
        or value is None
        or callable(value)
        or isinstance(value, list | tuple)
    ):
        return ""
    return f"baku: {_number(value) if isinstance(value, int | float) else value}"


def _range(param: Any) -> str:
    """ "antara 1990 dan 2100", "minimal 0,01": from the parameter (typer >= 0.2x) or
    from its click range type (older typer)."""
    bounds = [
        getattr(param, end, None)
        if getattr(param, end, None) is not None
        else getattr(getattr(param, "type", None), end, None)
        for end in ("min", "max")
    ]
    low, high = bounds
    if low is not None and high is not None:
        return f"antara {_number(low)} dan {_number(high)}"
    if low is not None:
        return f"minimal {_number(low)}"
    if high is not None:
        return f"maksimal {_number(high)}"
    return ""


def _number(value: float) -> str:
    """7.0 -> "7", 0.01 -> "0,01": written as the help's Indonesian reader writes it."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def show_usage_error(exc: Any) -> None:
    ctx = exc.ctx
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        click.echo(f"Coba '{ctx.command_path} --help' untuk bantuan.\n", err=True)
    click.echo(f"Kesalahan: {usage_message(exc)}", err=True)


def usage_message(exc: Any) -> str:
    """The usage error in Indonesian, from its class and data."""
    exceptions = click.exceptions
    if isinstance(exc, exceptions.NoSuchOption):
        text = f"Opsi {exc.option_name} tidak dikenal."
        if exc.possibilities:
            text += f" Mungkin maksudnya: {', '.join(sorted(exc.possibilities))}."
        return text
    if isinstance(exc, exceptions.MissingParameter):
        kind = getattr(exc.param, "param_type_name", None) or exc.param_type
        what = "Argumen" if kind == "argument" else "Opsi"
        return f"{what} {_hint(exc)} belum diisi."
    if isinstance(exc, exceptions.BadParameter):
        detail = _bounds(exc) or _detail(exc.message)
        return f"Nilai {_hint(exc)} tidak valid" + (f": {detail}." if detail else ".")
    if isinstance(exc, exceptions.BadOptionUsage):
        if "does not take" in exc.message:
            return f"Opsi {exc.option_name} tidak memakai nilai."
        return f"Opsi {exc.option_name} memerlukan nilai."
    return _general(exc.message)


def _hint(exc: Any) -> str:
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint()
    if isinstance(hint, list | tuple):
        hint = " / ".join(hint)
    return str(hint or "").strip() or "ini"


_OUT_OF_RANGE = re.compile(r"(greater|less) than|not in the range")


def _bounds(exc: Any) -> str:
    """A value out of its option's range: the range as --help words it ("minimal 0,01",
    "antara 1990 dan 2100"), not click's "0.01" with a decimal point."""
    if exc.param is None or not _OUT_OF_RANGE.search(str(exc.message)):
        return ""
    return _range(exc.param)


def _detail(message: str) -> str:
    for pattern, replacement in _DETAILS:
        match = pattern.search(message)
        if match:
            return match.expand(replacement) if replacement else ""
    return ""


_GENERAL = (
    (re.compile(r"No such command '?([^'.]*)'?"), r"Perintah '\1' tidak dikenal."),
    (re.compile(r"Missing command"), "Sebutkan perintahnya, mis. xlkip compile."),
    (re.compile(r"unexpected extra arguments? \((.*)\)"), r"Argumen berlebih: \1."),
)


def _general(message: str) -> str:
    for pattern, replacement in _GENERAL:
        match = pattern.search(message)
        if match:
            return match.expand(replacement)
    return "Perintah tidak dapat dipahami. Lihat --help untuk cara memakainya."
