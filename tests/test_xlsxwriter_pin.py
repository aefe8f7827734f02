"""render/xlsx.py replaces three private methods of XlsxWriter's Worksheet; pyproject pins
the versions they were tested on. This fails first when a version in range changes them."""

from __future__ import annotations

import inspect
from importlib.metadata import version

from packaging.version import Version
from xlsxwriter.worksheet import Worksheet

from xlkip.render.xlsx import _Worksheet


def test_the_installed_xlsxwriter_is_one_the_pin_allows() -> None:
    assert Version("3.2") <= Version(version("xlsxwriter")) < Version("3.4")


def test_the_private_methods_we_replace_keep_their_signatures() -> None:
    for name in ("_write_formula", "_prepare_formula"):
        ours = inspect.signature(getattr(_Worksheet, name))
        theirs = inspect.signature(getattr(Worksheet, name))
        assert list(ours.parameters) == list(theirs.parameters), name
    assert list(inspect.signature(Worksheet._initialize).parameters) == ["self", "init_data"]
    for used in ("_check_dimensions", "_write_single_row", "constant_memory", "previous_row"):
        assert used in inspect.getsource(Worksheet), used
