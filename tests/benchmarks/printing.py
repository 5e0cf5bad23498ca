"""Printing benchmark: one assessment booklet of 12 entries and 500 certificates of merit.

Run on demand (never part of the test suite):

    .venv/bin/python -m tests.benchmarks.printing

Each figure is printed beside a raw reportlab baseline measured in the same run: a bare
canvas drawing the same strings (read back from our PDF) at the same places in the same
embedded font, one page per page, and as a ratio to it. Budgets (ARCHITECTURE.md): booklet
< 150 ms, 500 certificates < 15 s. The font is found and registered before timing (once per
process, as in the application).
"""

from __future__ import annotations

import io
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from statistics import median
from typing import Any

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.translator import Translator
from antt_desktop.printing.booklet import booklet
from antt_desktop.printing.certificate import certificates_for_decision
from antt_desktop.printing.layout import styles
from antt_desktop.services.commendations import DecisionInput, add_commendations_batch
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.dossier_records import (
    AssessmentInput,
    CommitmentInput,
    SupportInput,
    add_commitment,
    add_support,
    assess,
)
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import initialise
from antt_desktop.store.database import Database, open_database

TODAY = date(2026, 11, 22)
DECISION = "120/QĐ-UBND"
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Quang")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Khánh", "Lan", "Nghĩa", "Ưởng", "Yến")
Run = tuple[str, float, float, str, float]  # text, x, y, font, size
Page = tuple[float, float, list[Run]]


def build(path: Path) -> tuple[Database, str, str]:
    """A post with a dossier of 12 monthly assessments and a decision of 500 recipients."""
    db = open_database(path, create=True)
    with db.write() as session:
        unit = initialise(
            session,
            unit_code="05611",
            unit_name="Công an xã Phú Lương",
            admin="admin",
            upper_code="CAT-TN",
            upper_name="Công an tỉnh Thái Nguyên",
        )
    with db.write() as session:
        ctx = Ctx(session, Actor("admin", "chief"), TODAY)
        person = add_person(ctx, PersonInput(full_name="Nguyễn Văn Đức", born="1985", sex="M"))
        dossier = open_dossier(ctx, DossierInput(person.person.id, "SUSPENDED", "05/11/2025"))
        period = Period.parse("2025-11")
        for i in range(12):
            text = (
                f"Tháng {period.index}/{period.year}: chấp hành tốt nghĩa vụ, có mặt đầy đủ khi"
                " được triệu tập, làm việc ổn định tại xưởng mộc của gia đình, không vi phạm."
            )
            assess(
                ctx,
                AssessmentInput(
                    dossier.id, period.label(), period.end, "Thượng úy Lê Văn Công", text,
                    "Chấp hành tốt", next_steps="Tiếp tục theo dõi." if i % 4 == 0 else None,
                ),
            )  # fmt: skip
            period = period.next()
        add_commitment(
            ctx,
            CommitmentInput(
                dossier_id=dossier.id, form_code="HCD-05", signed_on="05/11/2025",
                text="Cam kết chấp hành nghiêm chỉnh pháp luật.",
            ),
        )  # fmt: skip
        add_support(ctx, SupportInput(dossier.id, "loan", 15_000_000, "NHCSXH", "01/12/2025"))
        recipients = [
            {
                "recipient_kind": "text",
                "recipient_name": f"{FAMILY[i % 10]} {MIDDLE[i % 8]} {GIVEN[i % 11]} {i + 1}",
                "golden_book_no": str(i + 1),
            }
            for i in range(500)
        ]
        add_commendations_batch(
            ctx,
            DecisionInput(
                kind="giay_khen",
                issuer="Chủ tịch UBND xã Phú Lương",
                decision_number=DECISION,
                decision_date="10/01/2026",
                achievement="Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh"
                " Tổ quốc năm 2025",
            ),
            recipients,
        )
    return db, dossier.id, unit.id


def _runs(page: Any) -> list[Run]:
    found: list[Run] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and font is not None:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont")).lstrip("/").split("+")[-1]
            found.append((text.strip(), x, y, name, size))

    page.extract_text(visitor_text=visit)
    return found


def runs_of(pdf: bytes) -> list[Page]:
    """Every piece of text of every page: the strings the baseline draws."""
    return [
        (float(page.mediabox.width), float(page.mediabox.height), _runs(page))
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def raw_canvas(pages: list[Page]) -> bytes:
    """The baseline: a bare reportlab canvas drawing the same strings, same fonts."""
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=styles().fonts.regular)
    for width, height, runs in pages:
        canvas.setPageSize((width, height))
        for text, x, y, font, size in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def row(work: str, ours: float, raw: float, budget: float) -> str:
    verdict = "within budget" if ours < budget else "OVER BUDGET"
    return (
        f"{work:<32} {ours * 1000:>10.1f} ms {raw * 1000:>10.1f} ms {ours / raw:>7.1f}x"
        f"  < {budget * 1000:.0f} ms  {verdict}"
    )


def booklet_rows(session: Any, dossier_id: str, runs: int = 30) -> list[str]:
    """The booklet beside the raw baseline, the two timed in turn (ours, raw, ours, raw…) so
    a machine whose load changes slows both alike: the fastest of each, their ratio, and the
    median of the ratios pair by pair (what a loaded machine sees). CPU time too: on a
    shared machine it counts only this process's own work."""
    one = booklet(session, dossier_id, today=TODAY)  # warm up
    pages = runs_of(one.pdf)
    raw_canvas(pages)
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    jobs = (lambda: booklet(session, dossier_id, today=TODAY), lambda: raw_canvas(pages))
    for _ in range(runs):
        for n, job in enumerate(jobs):
            wall, cpu = time.perf_counter(), time.process_time()
            job()
            walls[n].append(time.perf_counter() - wall)
            cpus[n].append(time.process_time() - cpu)
    pairs = [a / b for a, b in zip(*walls, strict=True)]
    work = f"booklet, 12 entries ({one.pages} pages)"
    return [
        row(work, min(walls[0]), min(walls[1]), 0.150),
        row("  same, CPU time", min(cpus[0]), min(cpus[1]), 0.150),
        f"{'  median (ratio: of pairs)':<32} {median(walls[0]) * 1000:>10.1f} ms"
        f" {median(walls[1]) * 1000:>10.1f} ms {median(pairs):>7.1f}x",
    ]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="antt-print-bench-"))
    try:
        db, dossier_id, unit_id = build(work / "post.sqlite3")
        styles()  # find and register the font before timing, as the application does once
        lines = [f"{'work':<32} {'measured':>13} {'raw baseline':>13} {'ratio':>8}  budget"]
        with db.read() as session:
            lines.extend(booklet_rows(session, dossier_id))
            many = certificates_for_decision(session, DECISION, unit_id)
            pages = runs_of(many.pdf)
            ours = best(lambda: certificates_for_decision(session, DECISION, unit_id), 2)
            raw = best(lambda: raw_canvas(pages), 2)
            lines.append(row(f"{many.pages} certificates", ours, raw, 15.0))
        db.close()
        print("\n".join(lines))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def certificates_as_signed() -> None:
    """500 certificates as issue #12 prints them: each recipient with a position line, the
    signer's name, a number from the register (given in one write, as a print does), fitted
    to one page; then the same on pre-printed blank forms. Beside each, the raw reportlab
    baseline drawing the same strings in the same run. Budget: < 15 s.

        .venv/bin/python -m tests.benchmarks.printing certificates
    """
    from dataclasses import replace

    from sqlalchemy import update

    from antt_desktop.printing import jobs
    from antt_desktop.printing.numbering import AUTO, NumberChoice, numbered
    from antt_desktop.printing.text import PrintOptions
    from antt_desktop.store.models import Commendation

    work = Path(tempfile.mkdtemp(prefix="antt-cert-bench-"))
    try:
        db, _dossier_id, unit_id = build(work / "post.sqlite3")
        with db.write() as session:
            session.execute(
                update(Commendation).values(
                    recipient_position="Thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở xóm Đồng Tâm",
                    signer_name="Nguyễn Văn Thắng",
                )
            )
        styles()
        with db.write() as session:
            ctx = Ctx(session, Actor("admin", "chief"), TODAY)
            job = jobs.certificates(ctx, Translator("vi"), DECISION, unit_id, None)
            start = time.perf_counter()
            options = numbered(ctx, job, PrintOptions(), NumberChoice(AUTO), issue=True)
            numbering = time.perf_counter() - start
        lines = [f"{'work':<32} {'measured':>13} {'raw baseline':>13} {'ratio':>8}  budget"]
        with db.read() as session:
            for name, o in (
                ("certificates as signed", options),
                ("on blank forms", replace(options, blank_form=True, offset_x_mm=2.5)),
            ):
                made = certificates_for_decision(session, DECISION, unit_id, options=o)
                pages = runs_of(made.pdf)
                ours = best(
                    lambda o=o: certificates_for_decision(session, DECISION, unit_id, options=o),
                    2,
                )
                raw = best(lambda pages=pages: raw_canvas(pages), 2)
                lines.append(row(f"{made.pages} {name}", ours, raw, 15.0))
        lines.append(f"{'giving 500 numbers (one write)':<32} {numbering * 1000:>10.1f} ms")
        db.close()
        print("\n".join(lines))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    import sys

    certificates_as_signed() if sys.argv[1:] == ["certificates"] else main()
