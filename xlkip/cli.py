"""The `xlkip` command: a thin layer over xlkip.api (imports stay lazy so --help is quick)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from xlkip.cli_id import IndonesianCommand, IndonesianGroup
from xlkip.console import Format

MODUL_HELP = "Modul, dipisah koma: sdm, spbe, aplikasi, informasi, pengaduan, narasi, triwulan."
"""Written out rather than imported: --help stays fast (tests hold it to xlkip.templates)."""

app = typer.Typer(
    cls=IndonesianGroup,
    help="xlkip — menyusun tabel dan dokumen LKjIP (Bab I–IV) dari template Excel.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: importing rich for it would double the start-up time
)

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_state = {"debug": False}


def _show_version(value: bool) -> None:
    if value:
        from xlkip import __version__

        typer.echo(f"xlkip {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Tampilkan rincian teknis kesalahan bila gagal.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Tampilkan versi xlkip.", callback=_show_version, is_eager=True
        ),
    ] = False,
) -> None:
    _state["debug"] = debug


def _console(stderr: bool = False, soft_wrap: bool = False):
    from xlkip.console import make_console

    return make_console(stderr=stderr, soft_wrap=soft_wrap)


def _fail_usage(message: str) -> None:
    from xlkip.console import styled

    _console(stderr=True, soft_wrap=True).print(styled("[bold red]Kesalahan:[/] {}", message))
    raise typer.Exit(EXIT_USAGE)


def _parse_renstra(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    parts = text.replace("–", "-").split("-")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        _fail_usage(f"--renstra harus berbentuk TAHUN-TAHUN, mis. 2021-2026 (bukan '{text}').")
    start, end = (int(p) for p in parts)
    if start > end:
        _fail_usage(f"Periode Renstra {text} terbalik: awal harus sebelum akhir.")
    return start, end


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        help="Bentuk laporan temuan: tabel (baku di terminal), baris (satu temuan per "
        "baris: berkas:sheet!sel: tingkat kode: pesan; baku bila keluaran dialihkan), json.",
        case_sensitive=False,
        metavar="tabel|baris|json",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Sama dengan --format json.")]


def _format(fmt: Format | None, as_json: bool) -> Format:
    from xlkip.console import default_format

    if as_json and fmt not in (None, Format.JSON):
        _fail_usage(f"--json dan --format {fmt.value} tidak bisa dipakai bersama.")
    if as_json:
        return Format.JSON
    return fmt or default_format()


@app.command(cls=IndonesianCommand)
def init(
    folder: Annotated[Path, typer.Argument(help="Folder tujuan template.", metavar="FOLDER")],
    tahun: Annotated[
        int | None,
        typer.Option(help="Tahun laporan (baku: tahun lalu).", min=1990, max=2100, metavar="TAHUN"),
    ] = None,
    renstra: Annotated[
        str | None,
        typer.Option(
            help="Periode Renstra, mis. 2021-2026 (baku: tahun-3 s.d. +2).", metavar="AWAL-AKHIR"
        ),
    ] = None,
    contoh: Annotated[
        bool, typer.Option("--contoh", help="Isi dengan contoh LKjIP Diskominfo Binjai 2024.")
    ] = False,
    timpa: Annotated[
        bool, typer.Option("--timpa", help="Ganti template yang sudah ada (isiannya hilang).")
    ] = False,
    modul: Annotated[
        list[str] | None,
        typer.Option(
            "--modul",
            help=MODUL_HELP + " Boleh diulang: --modul sdm --modul narasi.",
            metavar="MODUL[,MODUL]",
        ),
    ] = None,
    kominfo: Annotated[
        bool, typer.Option("--kominfo", help="Tambahkan keempat modul Dinas Kominfo.")
    ] = False,
    dari: Annotated[
        Path | None,
        typer.Option(
            "--dari",
            help="Folder isian tahun lalu: tulis template tahun ini berisi daftar dan nilai "
            "tahun lalunya.",
            metavar="FOLDER",
        ),
    ] = None,
) -> None:
    """Tulis template inti (identitas, kinerja, anggaran) dan modul yang dipilih, atau
    lanjutan isian tahun lalu (--dari)."""
    from xlkip import api
    from xlkip.templates import KOMINFO

    period = _parse_renstra(renstra)
    # Repeated --modul adds up: the last one alone once dropped the others unsaid.
    named = [m.strip().lower() for given in modul or () for m in given.split(",")]
    modules = list(dict.fromkeys(m for m in named if m))
    if kominfo:
        modules += [m for m in KOMINFO if m not in modules]
    if dari is not None and (contoh or modules):
        _fail_usage("--dari menyalin template folder tahun lalu; tanpa --contoh atau --modul.")
    rolled = None
    before = _names_in(folder)
    with _guard():
        try:
            if dari is not None:
                rolled = api.rollover(folder, dari, tahun, period, overwrite=timpa)
                paths = rolled.paths
            else:
                paths = api.init_templates(
                    folder, tahun, period, with_example=contoh, overwrite=timpa, modules=modules
                )
        except (api.UsageError, api.OutputError) as exc:
            _fail_usage(str(exc))
    from xlkip.console import styled

    console = _console(soft_wrap=True)
    jenis = "berisi contoh" if contoh else "kosong"
    if rolled is not None:
        jenis = f"lanjutan isian tahun {rolled.last.inputs.tahun} ({dari})"
    kept = [] if timpa else [path for path in paths if path.name in before]
    _print_written(console, [p for p in paths if p not in kept], kept, jenis, folder)
    if rolled is not None:
        _print_rollover(console, rolled)
    if contoh:
        console.print(
            styled(
                "Langkah berikut: lihat hasilnya dengan [bold]xlkip compile {}[/], atau ubah "
                "isiannya untuk mencoba.",
                folder,
            )
        )
    else:
        console.print(
            styled("Langkah berikut: isi template, lalu jalankan [bold]xlkip check {}[/].", folder)
        )


def _names_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()} if folder.is_dir() else set()


def _print_written(console, written: list[Path], kept: list[Path], jenis: str, folder) -> None:
    """Which templates init wrote and which, already there, it left as they were."""
    from xlkip.console import styled

    if written:
        console.print(styled("Template {} ditulis ke [bold]{}[/]:", jenis, folder), soft_wrap=True)
    else:
        console.print(styled("Tidak ada template baru ditulis ke [bold]{}[/].", folder))
    for path in written:
        console.print(f"  • {path.name}", markup=False)
    if kept:
        console.print(
            "Sudah ada, tidak diubah (isiannya tetap): "
            + ", ".join(path.name for path in kept)
            + ". Untuk menggantinya dengan template baru, hapus atau pindahkan dulu "
            "berkasnya (--timpa menulis ulang semua template itu: isian di dalamnya hilang).",
            soft_wrap=True,
            markup=False,
        )


def _print_rollover(console, rolled) -> None:
    if rolled.instrument_note:
        console.print(f"  Catatan: {rolled.instrument_note}", soft_wrap=True)
    errors = rolled.last.report.count()["error"]
    if errors:
        console.print(
            f"  Isian tahun lalu memuat {errors} error: nilai yang tidak terbaca dikosongkan. "
            f"Untuk melihatnya: xlkip check {rolled.last.inputs.folder}",
            soft_wrap=True,
        )


_TAHUN_LALU = typer.Option(
    "--tahun-lalu",
    help="Folder isian tahun lalu: bandingkan setiap nilai tahun lalu yang diketik sekarang.",
    metavar="FOLDER",
)


@app.command(cls=IndonesianCommand)
def check(
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="Folder berisi template yang sudah diisi (baku: ./inputs).", metavar="FOLDER"
        ),
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    tahun_lalu: Annotated[Path | None, _TAHUN_LALU] = None,
) -> None:
    """Periksa isian template dan tampilkan semua temuan."""
    from xlkip import api
    from xlkip.console import print_report

    chosen = _format(fmt, as_json)
    with _guard():
        try:
            folder = api.default_input_folder() if folder is None else folder
            result = api.check(folder, tahun_lalu)
        except api.UsageError as exc:
            _fail_usage(str(exc))
    print_report(result.report, chosen, _console(soft_wrap=chosen is not Format.TABEL), result.lke)
    raise typer.Exit(EXIT_OK if result.report.valid else EXIT_INPUT)


def _print_document_pdf(result, console) -> None:
    from xlkip.console import styled
    from xlkip.render.dokumen import size_warning

    if result.dokumen_pdf is None:
        return
    console.print(styled("PDF dokumen ditulis: [bold]{}[/]", result.dokumen_pdf), soft_wrap=True)
    warning = size_warning(result.dokumen_pdf)
    if warning:
        errors = _console(stderr=True, soft_wrap=True)
        errors.print(styled("[bold yellow]Peringatan:[/] {}", warning))


@app.command("compile", cls=IndonesianCommand)
def compile_(
    folder: Annotated[
        Path | None,
        typer.Argument(help="Folder input (baku: ./inputs).", metavar="FOLDER"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Berkas hasil, berakhiran .xlsx.", metavar="BERKAS"),
    ] = None,
    contoh: Annotated[
        bool,
        typer.Option("--contoh", help="Susun contoh bawaan (LKjIP Diskominfo Binjai 2024)."),
    ] = False,
    paksa: Annotated[
        bool, typer.Option("--paksa", help="Tetap tulis hasil walau ada error.")
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Tulis juga PDF-nya (perlu LibreOffice).")
    ] = False,
    eml: Annotated[
        bool,
        typer.Option(
            "--eml",
            help="Tulis juga draf surel (.eml) berlampiran workbook, PDF dan dokumen Word bila "
            "dibuat.",
        ),
    ] = False,
    dengan_temuan: Annotated[
        bool,
        typer.Option(
            "--dengan-temuan",
            help="Cetak juga sheet Temuan Validasi dan Pra-evaluasi LKE di PDF (bakunya hanya "
            "ada di workbook).",
        ),
    ] = False,
    batas_lampiran: Annotated[
        float,
        typer.Option(
            "--batas-lampiran",
            help="Batas ukuran lampiran surel, dalam MB.",
            min=0.01,
            metavar="MB",
        ),
    ] = 7.0,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    tahun_lalu: Annotated[Path | None, _TAHUN_LALU] = None,
    dokumen: Annotated[
        bool,
        typer.Option(
            "--dokumen",
            help="Tulis juga draf laporan Word (LKjIP_Instansi_Tahun.docx, Bab I–IV) "
            "di folder workbook. Dengan templat.docx di folder input: kop, sampul dan gaya "
            "kantor dipakai.",
        ),
    ] = False,
    triwulan: Annotated[
        int | None,
        typer.Option(
            "--triwulan",
            help="Susun workbook pemantauan rencana aksi TW I s.d. TW N (perlu triwulan.xlsx).",
            min=1,
            max=4,
            metavar="N",
        ),
    ] = None,
) -> None:
    """Periksa input lalu susun workbook LKjIP (tabel Bab I–III); dengan --dokumen juga
    dokumen Word Bab I–IV."""
    from xlkip import api
    from xlkip.console import print_json, styled, with_lke

    chosen = _format(fmt, as_json)
    console = _console(soft_wrap=chosen is not Format.TABEL)
    with _guard():
        try:
            result = api.compile_folder(
                folder,
                output,
                force=paksa,
                pdf=pdf,
                example=contoh,
                eml=eml,
                attachment_limit_mb=batas_lampiran,
                tahun_lalu=tahun_lalu,
                with_findings=dengan_temuan,
                dokumen=dokumen,
                triwulan=triwulan,
            )
        except (api.UsageError, api.OutputError) as exc:
            _fail_usage(str(exc))
    if chosen is Format.JSON:
        written = {"workbook": result.output, "pdf": result.pdf, "eml": result.eml}
        written["dokumen"] = result.dokumen
        written["dokumen_pdf"] = result.dokumen_pdf
        print_json(
            with_lke(
                {**result.report.to_dict(), **{k: v and str(v) for k, v in written.items()}},
                result.lke,
            ),
            console.file,
        )
    else:
        _print_compiled(result, chosen, console)
    problems = (result.pdf_error and f"PDF tidak dibuat. {result.pdf_error}", result.eml_error)
    for problem in filter(None, problems):
        _console(stderr=True, soft_wrap=True).print(styled("[bold red]Kesalahan:[/] {}", problem))
    if any(problems):
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_OK if result.report.valid else EXIT_INPUT)


def _print_compiled(result, chosen: Format, console) -> None:
    from xlkip.console import print_report, styled

    if result.example:
        console.print(
            "Contoh bawaan: LKjIP Diskominfo Kota Binjai 2024 (data laporan aslinya, "
            "termasuk kekeliruannya)."
        )
    print_report(result.report, chosen, console, result.lke)
    if result.output is None:
        console.print(
            styled(
                "[bold red]Workbook tidak dibuat[/] karena ada error. Perbaiki isian, lalu "
                "jalankan lagi: xlkip compile {} (atau pakai --paksa untuk tetap membuatnya).",
                result.inputs.folder,
            ),
            soft_wrap=True,
        )
        return
    quarter = ("I", "II", "III", "IV")[(result.triwulan or 1) - 1]
    kind = "LKjIP" if result.triwulan is None else f"pemantauan s.d. TW {quarter}"
    console.print(styled("Workbook {} ditulis: [bold]{}[/]", kind, result.output), soft_wrap=True)
    if result.dokumen is not None:
        console.print(styled("Dokumen Word ditulis: [bold]{}[/]", result.dokumen), soft_wrap=True)
    if result.pdf is not None:
        console.print(styled("PDF ditulis: [bold]{}[/]", result.pdf), soft_wrap=True)
    _print_document_pdf(result, console)
    if result.eml is not None:
        console.print(
            styled(
                "Draf surel ditulis: [bold]{}[/] (buka di Outlook/Thunderbird, atau "
                "kirim dengan xlkip kirim {} --ke ALAMAT)",
                result.eml,
                result.eml,
            ),
            soft_wrap=True,
        )


@app.command(cls=IndonesianCommand)
def rekap(
    folders: Annotated[
        list[Path],
        typer.Argument(
            help="Folder input satu OPD, atau folder yang berisi folder-folder OPD.",
            metavar="FOLDER",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Berkas rekap, berakhiran .xlsx (baku: output/Rekap_PEMDA_TAHUN.xlsx).",
            metavar="BERKAS",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Jumlah proses (baku: jumlah inti).", metavar="JUMLAH"
        ),
    ] = None,
    tulis_per_opd: Annotated[
        bool,
        typer.Option("--tulis-per-opd", help="Tulis juga workbook LKjIP tiap OPD di folder rekap."),
    ] = False,
    pemda: Annotated[
        str | None,
        typer.Option(
            help="Pemerintah daerah yang direkap (baku: yang dilaporkan terbanyak OPD).",
            metavar="NAMA",
        ),
    ] = None,
    tahun: Annotated[
        int | None,
        typer.Option(
            help="Tahun yang direkap (baku: yang dilaporkan terbanyak OPD pemda itu; bila "
            "sama banyak, yang terbaru).",
            min=1990,
            max=2100,
            metavar="TAHUN",
        ),
    ] = None,
    sertakan_semua: Annotated[
        bool,
        typer.Option(
            "--sertakan-semua",
            help="Jumlahkan juga OPD pemda atau tahun lain (biasanya didaftar di bawah total).",
        ),
    ] = False,
    triwulan: Annotated[
        int | None,
        typer.Option(
            "--triwulan",
            help="Rekap pemantauan TW I s.d. TW N: capaian dan penyerapan tiap OPD, yang "
            "tertinggal lebih dulu.",
            min=1,
            max=4,
            metavar="N",
        ),
    ] = None,
) -> None:
    """Periksa dan rekap semua OPD satu pemda (paralel) ke satu workbook.

    Total hanya menjumlahkan OPD satu pemda dan satu tahun; OPD pemda atau tahun lain
    didaftar di bawah total beserta alasannya.
    """
    from xlkip import api
    from xlkip.rekap import run
    from xlkip.rekap.progress import Progress

    with _guard():
        try:
            _check_rekap_paths(folders, output)
            with Progress(_console(stderr=True)) as progress:
                result = run.rekap(
                    folders,
                    output,
                    jobs,
                    per_office=tulis_per_opd,
                    done=progress.done,
                    started=progress.start,
                    pemda=pemda,
                    tahun=tahun,
                    sertakan_semua=sertakan_semua,
                    triwulan=triwulan,
                )
        except (api.UsageError, api.OutputError) as exc:
            _fail_usage(str(exc))
    from xlkip.rekap.progress import print_summary

    print_summary(result, _console())
    raise typer.Exit(EXIT_OK if result.valid else EXIT_INPUT)


def _check_rekap_paths(folders: list[Path], output: Path | None) -> None:
    """Every folder named exists, and neither the rekap nor the offices' workbooks land
    among the offices' inputs (nothing is read or written before this holds)."""
    from xlkip.output import OutputError, refuse_inputs
    from xlkip.rekap.offices import find_offices

    for folder in folders:
        if not folder.exists():
            _fail_usage(f"Folder {folder} tidak ditemukan. Sebutkan folder OPD yang ada.")
        if not folder.is_dir():
            _fail_usage(f"{folder} bukan folder. Sebutkan folder OPD, atau folder pemda.")
    if output is not None and output.suffix.lower() != ".xlsx":
        _fail_usage(f"Berkas rekap '{output}' harus berakhiran .xlsx (mis. -o rekap.xlsx).")
    offices = find_offices(folders)
    if output is not None:
        refuse_inputs(output, offices)
    elif any(Path("output").resolve() == office.resolve() for office in offices):
        raise OutputError(
            "Rekap akan ditulis ke folder output, yang juga folder input sebuah OPD. Pilih "
            "lokasi rekap di luar folder OPD dengan -o, mis. -o ../rekap.xlsx."
        )


@app.command(cls=IndonesianCommand)
def kirim(
    eml: Annotated[
        Path, typer.Argument(help="Draf surel dari compile --eml.", metavar="BERKAS.eml")
    ],
    ke: Annotated[
        str,
        typer.Option("--ke", help="Alamat tujuan, dipisah koma.", metavar="ALAMAT[,ALAMAT]"),
    ],
) -> None:
    """Kirim draf surel (.eml) lewat server SMTP kantor.

    Pengaturan dari variabel lingkungan XLKIP_SMTP_HOST, XLKIP_SMTP_PORT,
    XLKIP_SMTP_USER, XLKIP_SMTP_FROM, XLKIP_SMTP_SECURITY (starttls, ssl, atau tanpa
    untuk server kantor tanpa enkripsi), XLKIP_SMTP_CA dan XLKIP_SMTP_TIMEOUT (detik), atau
    dari berkas smtp.ini di folder pengaturan xlkip. Kata sandi dari XLKIP_SMTP_PASSWORD,
    kata_sandi di smtp.ini, atau diminta tanpa ditampilkan; xlkip tidak pernah menyimpannya.
    """
    from xlkip.console import styled
    from xlkip.deliver import smtp

    with _guard():
        if not eml.is_file():
            _fail_usage(f"Berkas {eml} tidak ditemukan.")
        try:
            to = smtp.recipients(ke)
            settings = smtp.load_settings()
            warn = _console(stderr=True, soft_wrap=True)

            def say(warning: str) -> None:
                warn.print(styled("[bold yellow]Peringatan:[/] {}", warning))

            for warning in smtp.warnings_for(settings):
                say(warning)
            smtp.send(eml, to, settings, smtp.password_for(settings), warn=say)
        except smtp.SendError as exc:
            _fail_usage(f"{exc} Berkas {eml.name} tidak diubah.")
    _console(soft_wrap=True).print(f"Surel {eml.name} terkirim ke {', '.join(to)}.")


@app.command("impor-anggaran", cls=IndonesianCommand)
def impor_anggaran(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Unduhan SIPD: realisasi per sub kegiatan/rekening, rekap, LRA.",
            metavar="BERKAS",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            help="Template anggaran yang ditulis (.xlsx). Dengan …/triwulan.xlsx: realisasi "
            "per triwulan menurut periode tiap unduhan (kolom Realisasi TW saja).",
            metavar="BERKAS",
        ),
    ] = Path("inputs/anggaran.xlsx"),
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang sudah ada.")] = False,
    skpd: Annotated[
        str | None,
        typer.Option(
            help="SKPD yang diimpor bila berkas memuat beberapa (nama atau kode).",
            metavar="NAMA|KODE",
        ),
    ] = None,
    tahun: Annotated[
        int | None,
        typer.Option(
            help="Tahun laporan (baku: identitas, lalu berkas).",
            min=1990,
            max=2100,
            metavar="TAHUN",
        ),
    ] = None,
    paksa: Annotated[
        bool, typer.Option("--paksa", help="Tetap tulis template walau ada error.")
    ] = False,
) -> None:
    """Isi template anggaran (atau realisasi per triwulan di triwulan.xlsx) dari unduhan SIPD,
    dengan rekonsiliasinya."""
    from xlkip import api
    from xlkip.console import default_format, print_report, styled
    from xlkip.sipd.sheet import quarters_written, summary_lines

    console = _console()
    with _guard():
        try:
            result = api.import_anggaran(
                files, output, overwrite=timpa, skpd=skpd, tahun=tahun, force=paksa
            )
        except (api.UsageError, api.OutputError) as exc:
            _fail_usage(str(exc))
    console.print(styled("[bold]Rekonsiliasi[/]"))
    for line in summary_lines(result.reconciliation):
        console.print(line, soft_wrap=True, markup=False)
    print_report(result.report, default_format(), console)
    if result.output is None:
        console.print(
            styled(
                "[bold red]Template {} tidak ditulis[/] karena ada error. Perbaiki "
                "berkasnya, atau pakai --paksa untuk tetap menulisnya.",
                result.kind,
            )
        )
    else:
        console.print(
            styled(
                "Template {} ditulis: [bold]{}[/] ({} sub kegiatan{}, tahun {}). "
                "Lanjutkan dengan: xlkip check {}",
                result.kind,
                result.output,
                len(result.rows),
                quarters_written(result.quarters),
                result.period.tahun,
                result.output.parent,
            ),
            soft_wrap=True,
        )
    raise typer.Exit(EXIT_OK if result.report.valid else EXIT_INPUT)


class _guard:
    """Turn an unexpected failure into one Indonesian line and exit code 3."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or isinstance(exc, typer.Exit | KeyboardInterrupt | SystemExit):
            return False
        if _state["debug"]:
            return False
        from xlkip.console import styled

        saved = _save_crash_report(kind, exc, tb)
        _console(stderr=True).print(
            styled(
                "[bold red]Kesalahan internal xlkip[/] ({}). Laporan lengkap disimpan di {}; "
                "kirimkan ke pengembang. Jalankan lagi dengan --debug untuk melihat rinciannya.",
                type(exc).__name__,
                saved,
            ),
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_INTERNAL)


def _save_crash_report(kind, exc, tb) -> Path:
    import datetime as dt
    import platform
    import tempfile
    import traceback

    from xlkip import __version__

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    with tempfile.NamedTemporaryFile(
        "w", prefix=f"xlkip-galat-{stamp}-", suffix=".txt", delete=False, encoding="utf-8"
    ) as handle:
        handle.write(
            f"xlkip {__version__}, Python {platform.python_version()}, {platform.platform()}\n"
        )
        handle.write(f"perintah: {' '.join(sys.argv)}\n\n")
        handle.write("".join(traceback.format_exception(kind, exc, tb)))
    return Path(handle.name)


def main() -> None:
    from xlkip.console import tolerate_narrow_consoles

    tolerate_narrow_consoles(sys.stdout, sys.stderr)
    app(prog_name="xlkip")


if __name__ == "__main__":
    main()
