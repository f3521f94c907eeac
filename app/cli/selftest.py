"""`duidu --self-test`: prove that this build works, offline, before an analyst relies on it.

Every packaging job runs it against the frozen app, so a data file, Qt plugin or hidden import that the
bundle lacks fails the build instead of someone's first start. Each check is one `Step` in `STEPS`;
adding a check is one line there. A step whose piece is not in this build raises `Unavailable`: that
is a failure for required steps and a note for optional ones.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import app
from app.paths import cache_dir, resource

SAMPLE_A = "03-theme-education-mobilisation.txt"
#: Copies passages from SAMPLE_A, so a comparison must find shared text.
SAMPLE_B = "04-county-exchange-remarks.txt"
SENTENCE = "坚持学思想、强党性、重实践、建新功，全面从严治党永远在路上。"
#: Modules that are data for another tool (Alembic runs the migration scripts itself).
_NOT_IMPORTED = (".migrations",)


class Unavailable(Exception):
    """The piece a step exercises is not part of this build."""


@dataclass
class Context:
    """What steps share: a private temporary folder and results earlier steps left for later ones."""

    workdir: Path
    found: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Context], str]
    #: A required step that is unavailable fails the self-test.
    required: bool = True


@dataclass(frozen=True)
class Outcome:
    name: str
    status: str  # "ok", "FAILED", "not available"
    detail: str
    seconds: float


def _module(name: str) -> Any:
    """Import `name`, or raise `Unavailable` when this build has no such module."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
            raise Unavailable(f"{name} is not in this build") from exc
        raise


def _sample(name: str) -> Path:
    path = resource("samples", name)
    if not path.is_file():
        raise FileNotFoundError(f"demo speech missing from the bundle: {path}")
    return path


def _sample_text(name: str) -> str:
    return _module("app.core.text").clean_text(_sample(name).read_text(encoding="utf-8"))


def app_modules() -> Iterator[str]:
    """Every module of the `app` package, frozen or not (migration scripts excepted)."""
    yield "app"
    for info in pkgutil.walk_packages(app.__path__, "app."):
        if not any(part in info.name for part in _NOT_IMPORTED):
            yield info.name


def step_imports(ctx: Context) -> str:
    names = list(app_modules())
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modules"


def step_segment(ctx: Context) -> str:
    """The app's segmenter (formula lexicon as user words) caches jieba's dictionary in the app's cache
    dir, never the shared temp folder."""
    segment = _module("app.core.segment")
    shipped = _module("app.core.formulas.shipped")
    segmenter = segment.Segmenter.from_lexicon(shipped.shipped_lexicon().entries, cache_dir=cache_dir())
    words = segmenter.cut(SENTENCE)
    if "".join(words) != SENTENCE or "学思想" not in words or "建新功" not in words:
        raise AssertionError(f"unexpected segmentation: {' / '.join(words)}")
    if not (cache_dir() / segment.CACHE_FILE).is_file():
        raise AssertionError(f"jieba wrote no cache in {cache_dir()}")
    return " / ".join(words)


def step_compare(ctx: Context) -> str:
    passages = _module("app.core.passages")
    comparison = passages.compare_pair(_sample_text(SAMPLE_A), _sample_text(SAMPLE_B))
    if not comparison.passages:
        raise AssertionError(f"no shared passages between {SAMPLE_A} and {SAMPLE_B}")
    ratio = comparison.summary[0].b_copy_ratio
    return f"{len(comparison.passages)} shared passages, {ratio:.0%} of the copy is shared"


def step_pair_helper(ctx: Context) -> str:
    """The compare view's second process is this executable started again (spawn): it must come up as a
    helper, not as a second app, and find what this process finds."""
    helper_pool = _module("app.core.passages.helper_pool")
    model = _module("app.core.passages.model")
    a, b = _sample_text(SAMPLE_A), _sample_text(SAMPLE_B)
    if not helper_pool.helper_agrees(a, b, model.PassageParams()):
        raise AssertionError("the helper process found other shared text than this process")
    return "a helper process found the same shared text"


def step_formulas(ctx: Context) -> str:
    shipped = _module("app.core.formulas.shipped")
    hits = shipped.default_matcher().find(_sample_text(SAMPLE_A))
    found = {hit.formula for hit in hits} | {name for hit in hits for name in hit.contains}
    if not any("两个确立" in formula for formula in found):
        raise AssertionError(f"expected 两个确立 among the formulas, found {sorted(found)}")
    return f"{len(hits)} formula hits"


def step_library(ctx: Context) -> str:
    engine = _module("app.store.engine")
    importing = _module("app.store.importing")
    repository = _module("app.store.repository")
    path = ctx.workdir / "self-test.duidu.sqlite"
    with engine.open_library(str(path)) as library:
        report = importing.import_paths(library.writer, [_sample(SAMPLE_A)])
        with library.reader() as session:
            count = repository.count_documents(session)
    if report.imported != 1 or count != 1:
        raise AssertionError(f"imported {report.results}; the library holds {count} documents")
    ctx.found["library"] = path
    ctx.found["document_id"] = report.results[0].document_id
    return f"imported {SAMPLE_A} into a new library"


#: Small files of every office format (resources/selftest, made from our own text; see tests/data/office)
#: and a sentence each must yield.
OFFICE_SAMPLES = {
    "sample.doc": "今天召开全县乡村振兴工作会议",
    "sample.wps": "加强基层党组织建设",
    "sample.rtf": "今天召开全县乡村振兴工作会议",
    "sample.ofd": "为切实抓好春耕生产",
    "sample.mht": "今天召开全县经济工作会议",
}
OCR_SAMPLE = ("ocr-sample.png", SENTENCE.split("，", 1)[0])


def step_office_formats(ctx: Context) -> str:
    """Every office-format importer (Word 97, WPS, RTF, OFD, web archive) reads its sample."""
    importers = _module("app.importers")
    read = []
    for name, expected in OFFICE_SAMPLES.items():
        text = importers.read_document(resource("selftest", name)).text
        if expected not in text:
            raise AssertionError(f"{name} read as {text[:60]!r}, without {expected!r}")
        read.append(name.rsplit(".", 1)[1])
    return ", ".join(read)


def step_ocr(ctx: Context) -> str:
    """The OCR engine and its models (shipped, never downloaded) recognise a rendered sentence."""
    _module("rapidocr")
    _module("onnxruntime")
    importers = _module("app.importers")
    name, expected = OCR_SAMPLE
    document = importers.read_document(resource("selftest", name))
    found = "".join(document.text.split())
    if expected not in found:
        raise AssertionError(f"OCR read {found!r}, not {expected!r}")
    confidence = min(line.confidence for line in document.ocr_lines)
    return f"{found} (confidence {confidence:.2f})"


def step_window(ctx: Context) -> str:
    if not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qt_core = _module("PySide6.QtCore")
    gui_app = _module("app.ui.shell.app")
    main_window = _module("app.ui.shell.main_window")
    service_module = _module("app.ui.common.library_service")
    settings = _module("app.ui.common.settings")
    tasks = _module("app.ui.common.tasks")
    engine = _module("app.store.engine")
    qt_app = gui_app.make_application()
    ini = qt_core.QSettings(str(ctx.workdir / "settings.ini"), qt_core.QSettings.Format.IniFormat)
    with engine.open_library(str(ctx.found.get("library") or ctx.workdir / "window.duidu.sqlite")) as library:
        service = service_module.LibraryService(library)
        # inline tasks: the reader's formula marks are computed before this step returns
        runner = tasks.TaskRunner(inline=True)
        window = main_window.MainWindow(service, settings.Settings(ini), runner)
        try:
            window.show()
            qt_app.processEvents()
            title = window.windowTitle()
            if "document_id" in ctx.found and window.open_reader(ctx.found["document_id"]) is None:
                raise AssertionError("the imported speech did not open in a reader tab")
            qt_app.processEvents()
        finally:
            window.close()
            window.deleteLater()
            qt_app.processEvents()
    reader = ", reader opened" if "document_id" in ctx.found else ""
    return f"main window {title!r} on the {qt_app.platformName()} platform{reader}"


def step_chinese_ui(ctx: Context) -> str:
    """Qt's own catalogue and Duidu's both load for zh_CN (the bundle keeps only these translations)."""
    qt_core = _module("PySide6.QtCore")
    i18n = _module("app.ui.shell.i18n")
    _module("app.ui.shell.app").make_application()
    qt_dir = qt_core.QLibraryInfo.path(qt_core.QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase", qt_dir), ("duidu", i18n.i18n_dir())):
        translator = qt_core.QTranslator()
        if not translator.load(qt_core.QLocale("zh_CN"), name, "_", directory) or translator.isEmpty():
            raise AssertionError(f"{name}_zh_CN.qm is missing from {directory}")
    return "qtbase_zh_CN.qm and duidu_zh_CN.qm load"


#: Titles in code-point order; pinyin order (an, bei, chong, zhong) needs the Chinese collation data that the
#: bundle's trimmed ICU must keep.
PINYIN_SAMPLE = ("中国", "北京", "安徽", "重庆")
PINYIN_ORDER = ["安徽", "北京", "重庆", "中国"]


def step_pinyin_sort(ctx: Context) -> str:
    """The library table sorts Chinese by pinyin through Qt's collator (ICU's zh data)."""
    library_model = _module("app.ui.library.model")
    _module("app.ui.shell.app").make_application()
    collator = library_model.chinese_collator()
    ordered = sorted(PINYIN_SAMPLE, key=collator.sortKey)
    if ordered != PINYIN_ORDER:
        raise AssertionError(f"Chinese sorts as {'、'.join(ordered)}, not by pinyin")
    return "、".join(ordered)


def step_postgresql_driver(ctx: Context) -> str:
    """A shared library on PostgreSQL needs the driver and its bundled libpq; no server is contacted."""
    psycopg = _module("psycopg")
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {psycopg.pq.version()}"


def step_report(ctx: Context) -> str:
    """The HTML report of a comparison, and a PDF of it through Qt's writer (fonts and all)."""
    passages = _module("app.core.passages")
    text_module = _module("app.core.text")
    html_report = _module("app.reports.html")
    comparison_module = _module("app.reports.comparison")
    qt_gui = _module("PySide6.QtGui")
    _module("app.ui.shell.app").make_application()
    texts = [_sample_text(SAMPLE_A), _sample_text(SAMPLE_B)]
    documents = [
        comparison_module.ReportDocument(name, text, text_module.content_hash(text))
        for name, text in zip((SAMPLE_A, SAMPLE_B), texts, strict=True)
    ]
    html = html_report.comparison_html(documents, passages.compare_pair(*texts), {"self-test": True})
    (ctx.workdir / "report.html").write_text(html, encoding="utf-8")
    pdf = ctx.workdir / "report.pdf"
    document = qt_gui.QTextDocument()
    document.setHtml(html)
    writer = qt_gui.QPdfWriter(str(pdf))
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or b"/FontFile" not in data:
        raise AssertionError(f"the PDF report is damaged or has no embedded font ({len(data)} bytes)")
    return f"HTML report {len(html) // 1024} KB, PDF {pdf.stat().st_size // 1024} KB"


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


STEPS: tuple[Step, ...] = (
    Step("import every module", step_imports),
    Step("segment a sentence", step_segment),
    Step("compare two samples", step_compare),
    Step("compare in a helper process", step_pair_helper),
    Step("scan for formulas", step_formulas),
    Step("open a library and import a sample", step_library),
    Step("read Word 97, WPS, RTF, OFD and web archive files", step_office_formats),
    Step("recognise a scanned line (OCR)", step_ocr),
    Step("open the main window", step_window),
    Step("load the Chinese interface", step_chinese_ui),
    Step("sort Chinese by pinyin", step_pinyin_sort),
    Step("write an HTML and a PDF report", step_report),
    Step("load the PostgreSQL driver", step_postgresql_driver),
)


def run_steps(steps: tuple[Step, ...] = STEPS) -> list[Outcome]:
    """Run every step (a failure does not stop the others) in a private temporary folder."""
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="duidu-self-test-") as workdir:
        ctx = Context(Path(workdir))
        for step in steps:
            began = time.perf_counter()
            try:
                status, detail = "ok", step.run(ctx)
            except Unavailable as exc:
                status, detail = ("FAILED" if step.required else "not available"), f"not available: {exc}"
            except Exception as exc:
                status = "FAILED"
                detail = f"{type(exc).__name__}: {exc}\n{_indent(traceback.format_exc(limit=-3))}"
            outcomes.append(Outcome(step.name, status, detail, time.perf_counter() - began))
    return outcomes


def _indent(text: str) -> str:
    return "\n".join("      " + line for line in text.rstrip().splitlines())


def report(outcomes: list[Outcome]) -> str:
    build = "frozen" if getattr(sys, "frozen", False) else "source"
    lines = [f"duidu {app.__version__} self-test ({build}, {sys.platform}, utf8_mode={sys.flags.utf8_mode})"]
    for outcome in outcomes:
        lines.append(f"  {outcome.status:<6} {outcome.name} ({outcome.seconds:.2f} s): {outcome.detail}")
    failed = [o.name for o in outcomes if o.status == "FAILED"]
    lines.append(f"self-test FAILED: {', '.join(failed)}" if failed else "self-test passed")
    return "\n".join(lines)


def handle(args: argparse.Namespace) -> int:
    if hasattr(sys.stdout, "reconfigure"):  # a legacy console code page must not turn a pass into a crash
        sys.stdout.reconfigure(errors="backslashreplace")
    outcomes = run_steps()
    print(report(outcomes), flush=True)
    return 1 if any(o.status == "FAILED" for o in outcomes) else 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "self-test", help="check that this installation works (also: duidu --self-test)"
    )
    parser.set_defaults(handler=handle)
