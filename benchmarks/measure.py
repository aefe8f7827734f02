"""What every benchmark measures of a child process, defined once."""

from __future__ import annotations

import inspect


def peak_mb(usage) -> float:
    """Peak RSS of this process since its exec, in MB. Linux carries ru_maxrss across
    exec from the parent, so a large parent would show through; VmHWM does not."""
    from pathlib import Path

    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    return usage.ru_maxrss / 1024


PEAK_MB_SOURCE = inspect.getsource(peak_mb)
"""The function's text, for child scripts run with `python -c`."""
