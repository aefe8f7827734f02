"""Names of pemerintah daerah as staff write them, reduced to one comparable key.

"Pemerintah Kab. Dairi", "Pemerintah Kabupaten Dairi", "KAB. DAIRI", "Pemkab Dairi" and
"Kabupaten  Dairi" are one pemda; "Kota Binjai" and "Pemerintah Kota Binjai" another.
The jenis (kabupaten, kota, provinsi) stays in the key: Kabupaten Bekasi and Kota Bekasi
are two pemda.
"""

from __future__ import annotations

import re
import unicodedata

_GOVERNMENT = frozenset({"pemerintah", "pemda", "pem"})
_JENIS = {
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "kabu": "kabupaten",
    "pemkab": "kabupaten",
    "kota": "kota",
    "kot": "kota",
    "pemko": "kota",
    "pemkot": "kota",
    "provinsi": "provinsi",
    "prov": "provinsi",
    "propinsi": "provinsi",
    "pemprov": "provinsi",
    "pemprop": "provinsi",
}
_WORDS = re.compile(r"[^\W_]+")


def pemda_key(text: object) -> str:
    """The name without case, accents, punctuation, spacing, "Pemerintah" and the
    abbreviations of its jenis: equal keys mean the same pemda."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = _WORDS.findall(folded.replace("&", " dan "))
    while words and words[0] in _GOVERNMENT:
        words = words[1:]
    if words and words[0] in _JENIS:
        words = [_JENIS[words[0]], *words[1:]]
    return " ".join(words)


def same_pemda(a: object, b: object) -> bool:
    key = pemda_key(a)
    return bool(key) and key == pemda_key(b)
