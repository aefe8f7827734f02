"""Budget and realisation from SIPD downloads, read by their codes (DESIGN §9).

`xlkip.sipd.importer.import_files` reads any number of downloads (a flattened
per-account export, a recap printed by level, an LRA by account; xlsx, xls or csv),
builds program → kegiatan → sub kegiatan from the codes (`codes`), sums account rows
into their sub kegiatan and reconciles every figure the files print themselves
(`reconcile`). `folder` writes the template beside the office's other templates.

May import: errors, findings, output, read/, schema/, templates, text.
"""
