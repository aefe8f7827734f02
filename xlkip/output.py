"""Writing files all-or-nothing, with messages staff can act on."""

from __future__ import annotations

import errno
import os
import re
import sys
import tempfile
import traceback
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from xlkip.schema import MARKER_KIND

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


class OutputError(Exception):
    """The output could not be written; the message says why, in Indonesian."""


def safe_filename(*parts: str, suffix: str = ".xlsx", limit: int = 120) -> str:
    """A name Windows, Linux and email attachments all accept."""
    text = "_".join(p for p in parts if p)
    text = _UNSAFE.sub(" ", text)
    text = re.sub(r"[\s.]+", "_", text.strip()).strip("_")
    return (text[:limit].rstrip("_") or "LKjIP") + suffix


def write_atomically(target: Path, write: Callable[[Path], object], template: bool = False) -> Path:
    """Write beside `target`, then rename: a crash never leaves half a file, and a
    failed run leaves any earlier file as it was. The file gets the mode any program's
    new file gets (0666 less the umask), not the private 0600 of a temporary file.

    An xlkip template at `target` is never replaced unless what is written is itself a
    template (`template`: init --timpa, impor-anggaran --timpa)."""
    if not template:
        refuse_template(target)
    make_folder(target.parent)
    try:
        handle, temp_name = tempfile.mkstemp(
            suffix=target.suffix, prefix=".xlkip-", dir=target.parent
        )
        os.close(handle)
    except OSError as exc:
        raise OutputError(_why(target.parent, exc)) from exc
    temp = Path(temp_name)
    try:
        write(temp)
        os.chmod(temp, 0o666 & ~current_umask())
        os.replace(temp, target)
    except PermissionError as exc:
        raise OutputError(
            f"Berkas {target} tidak dapat ditimpa: mungkin sedang dibuka di Excel. Tutup "
            f"berkasnya, lalu jalankan lagi{_KEPT_OPEN}."
        ) from exc
    except Exception as exc:
        cause = os_error_behind(exc)
        if cause is None:
            raise
        _release(exc)
        raise OutputError(_why(target, cause)) from exc
    finally:
        temp.unlink(missing_ok=True)
    return target


def make_folder(folder: Path) -> None:
    """Create `folder` (and its parents), or say in Indonesian why it cannot be."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            f"Tidak dapat menulis ke {folder}: itu berkas, bukan folder. Sebutkan folder lain."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_why(folder, exc)) from exc


def os_error_behind(exc: BaseException) -> OSError | None:
    """The operating system's error behind `exc`: writers wrap it (XlsxWriter raises
    FileCreateError from the OSError of a full disk)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _release(exc: BaseException) -> None:
    """Drop what the failed writer still holds (an unclosed zip on the temporary file)
    now, so the temporary file can be removed and its close, failing again on a full
    disk, does not print a stray traceback when the interpreter collects it later."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        current: BaseException | None = exc
        while current is not None:
            traceback.clear_frames(current.__traceback__)
            current = current.__cause__ or current.__context__
    finally:
        sys.unraisablehook = previous


def refuse_inputs(target: Path, folders: Iterable[Path], option: str = "-o") -> None:
    """An output never lands among the inputs: not in a folder whose workbooks are read
    (the next run would read it, or a later run replace a staff file by it), and never
    on an xlkip template anywhere."""
    place = target.resolve().parent
    for folder in folders:
        inputs = folder.resolve()
        if place.is_relative_to(inputs):
            where = "di folder input" if place == inputs else "di dalam subfolder folder input"
            raise OutputError(
                f"Berkas hasil {target} berada {where} {folder}. Agar tidak ada isian yang "
                f"tertimpa atau terbaca lagi, xlkip tidak menulis ke folder input maupun "
                f"subfoldernya. Pilih lokasi di luar folder itu dengan {option}, mis. "
                f"{option} {_outside(inputs) / target.name}."
            )
    refuse_template(target, option)


def _outside(inputs: Path) -> Path:
    """A folder `output` beside the inputs folder, relative when the current folder
    lies outside it (then the example reads like the ones in the guide)."""
    beside = inputs.parent / "output"
    cwd = Path.cwd().resolve()
    if not cwd.is_relative_to(inputs) and beside.is_relative_to(cwd):
        return beside.relative_to(cwd)
    return beside


def refuse_template(target: Path, option: str = "-o") -> None:
    if is_template(target):
        raise OutputError(
            f"Berkas {target} adalah template xlkip (isian staf); hasil tidak ditulis di "
            f"atasnya. Pilih nama lain dengan {option}, mis. {option} output/laporan.xlsx."
        )


def refuse_existing(targets: Iterable[Path], what: str) -> None:
    """`what` (a filled dataset such as the example) is written whole into a folder
    without those files, never mixed with the entries already there."""
    existing = [p for p in targets if p.exists()]
    if not existing:
        return
    names = ", ".join(p.name for p in existing)
    raise OutputError(
        f"Berkas sudah ada di {existing[0].parent}: {names}. {what} tidak ditulis agar tidak "
        "bercampur dengan isian yang ada; berkas itu tidak diubah. Pilih folder kosong. "
        f"(--timpa mengganti berkas itu dengan {what.lower()}: isian di dalamnya hilang.)"
    )


def refuse_other_than(target: Path, kind: str) -> None:
    """--timpa replaces only a template of the same `kind`: never a filled template of
    another kind, nor a file xlkip did not write."""
    if not target.exists():
        return
    found = template_kind(target)
    if found == kind:
        return
    what = f"template {found}" if found else "bukan template xlkip"
    raise OutputError(
        f"Berkas {target} adalah {what}, jadi --timpa tidak menimpanya dengan template "
        f"{kind}; berkas itu tidak diubah. Pilih berkas tujuan lain dengan -o, mis. "
        f"-o {target.parent / (kind + '.xlsx')}."
    )


def template_kind(path: Path) -> str | None:
    """The kind written in the marker of the xlkip template at `path` (identitas,
    kinerja, anggaran…); None for any other file."""
    if not is_template(path):
        return None
    from xlkip.read.workbook import SourceWorkbook, Unreadable

    try:
        source = SourceWorkbook.open(path)
    except Unreadable:
        return None
    try:
        return source.marker.kind if source.marker else None
    finally:
        source.close()


_MARKED_PARTS = ("docProps/custom.xml", "xl/workbook.xml")
"""Where `xlkip init` writes the marker: a custom property, or a defined name."""


def is_template(path: Path) -> bool:
    """True when `path` is a regular file carrying the xlkip template marker."""
    if not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            return any(
                part in names and MARKER_KIND.encode() in archive.read(part)
                for part in _MARKED_PARTS
            )
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError, RuntimeError):
        return False


def remove_stale(path: Path, what: str) -> str:
    """Remove an older `path` the new workbook's companion failed to replace, so last
    run's figures are never sent beside this run's workbook; the sentence says so."""
    if not path.exists():
        return ""
    try:
        path.unlink()
    except OSError as exc:
        return (
            f" {what} lama {path} tidak dapat dihapus ({_reason(exc)}): hapus sendiri "
            "sebelum mengirim, karena isinya dari proses sebelumnya."
        )
    return f" {what} lama {path.name} dihapus agar tidak terkirim bersama workbook baru."


_KEPT = "Berkas lama tidak diubah."
_KEPT_OPEN = " (berkas lama tidak diubah)"


def failed_beside(message: str, path: Path, what: str) -> str:
    """`message` (why `path`, written beside the workbook, failed) and what became of the
    older `path`: once it is removed, the writer's "the old file is unchanged" is no
    longer true and is left out."""
    outcome = remove_stale(path, what)
    if not path.exists():
        message = message.replace(f" {_KEPT}", "").replace(_KEPT_OPEN, "")
    return message + outcome


def current_umask() -> int:
    """The process's umask (reading it means setting it; it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_FULL = "Kosongkan ruang disk, atau pilih lokasi lain."
_ELSEWHERE = "Pilih lokasi lain, atau periksa izin foldernya."
_REASONS = {
    errno.ENOSPC: ("disk penuh", _FULL),
    errno.EFBIG: ("berkas melebihi batas ukuran yang diizinkan", _FULL),
    errno.EDQUOT: ("kuota disk habis", _FULL),
    errno.EACCES: ("tidak ada izin menulis", _ELSEWHERE),
    errno.EPERM: ("tidak ada izin menulis", _ELSEWHERE),
    errno.EROFS: ("disk hanya dapat dibaca", "Pilih lokasi lain."),
    errno.ENOTDIR: ("sebagian jalurnya berkas, bukan folder", "Pilih lokasi lain."),
    errno.EEXIST: ("sebagian jalurnya berkas, bukan folder", "Pilih lokasi lain."),
    errno.EISDIR: ("sudah ada folder dengan nama itu", "Pilih nama lain."),
    errno.ENAMETOOLONG: ("namanya terlalu panjang", "Pilih nama yang lebih pendek."),
}
"""What the operating system said, in words staff can act on (its own text is English)."""


def os_reason(exc: OSError) -> tuple[str, str]:
    """What happened and what to do, in Indonesian (the system's own words are English)."""
    unknown = f"kesalahan sistem berkas {errno.errorcode.get(exc.errno or 0, exc.errno or '')}"
    return _REASONS.get(exc.errno or 0, (unknown.strip(), _ELSEWHERE))


def _reason(exc: OSError) -> str:
    return os_reason(exc)[0]


def _why(path: Path, exc: OSError) -> str:
    why, advice = os_reason(exc)
    return f"Tidak dapat menulis ke {path} ({why}). {advice} {_KEPT}"
