"""Writing files all-or-nothing, with messages staff can act on."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


class OutputError(Exception):
    """The output could not be written; the message says why, in Indonesian."""


def safe_filename(*parts: str, suffix: str = ".xlsx", limit: int = 120) -> str:
    """A name Windows, Linux and email attachments all accept."""
    text = "_".join(p for p in parts if p)
    text = _UNSAFE.sub(" ", text)
    text = re.sub(r"[\s.]+", "_", text.strip()).strip("_")
    return (text[:limit].rstrip("_") or "LKjIP") + suffix


def write_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Write beside `target`, then rename: a crash never leaves half a file, and a
    failed run leaves any earlier file as it was. The file gets the mode any program's
    new file gets (0666 less the umask), not the private 0600 of a temporary file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
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
            "berkasnya, lalu jalankan lagi (berkas lama tidak diubah)."
        ) from exc
    except OSError as exc:
        raise OutputError(_why(target, exc)) from exc
    finally:
        temp.unlink(missing_ok=True)
    return target


def current_umask() -> int:
    """The process's umask (reading it means setting it; it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _why(path: Path, exc: OSError) -> str:
    return (
        f"Tidak dapat menulis ke {path} ({exc.strerror or exc}). Pilih lokasi lain dengan "
        "-o, atau periksa izin foldernya."
    )
