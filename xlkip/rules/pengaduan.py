"""Public complaints: what is not yet followed up, and the follow-up ratio."""

from __future__ import annotations


def belum(jumlah: float, sudah: float) -> float:
    return jumlah - sudah


def rasio(jumlah: float, sudah: float) -> float | None:
    return sudah / jumlah if jumlah else None
