"""Making a document's PDF on a worker thread: a progress dialog with Cancel, and for a
batch (one document per household or recipient) the count of documents made so far."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.worker import Operation, Progress, start_operation
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.messages import describe, sentence
from antt_desktop.i18n.translator import N_
from antt_desktop.printing.audit import require_print
from antt_desktop.printing.jobs import PrintJob
from antt_desktop.printing.numbering import NumberChoice, numbered
from antt_desktop.printing.text import PrintOptions
from antt_desktop.store.errors import KnownError

log = logging.getLogger(__name__)


def start_render(
    owner: QWidget,
    app: AppContext,
    job: PrintJob,
    options: PrintOptions,
    choice: NumberChoice | None = None,
    made: list[PrintOptions] | None = None,
) -> Operation:
    """Start making ``job`` with ``options`` and the numbers ``choice`` asks for (looked up
    in the register, not given: that happens when the document is printed or saved); the
    operation's ``succeeded`` carries the PDF bytes, ``failed`` the error
    (``OperationCancelled`` after Cancel). The options the PDF was made with are appended
    to ``made``."""
    tr = app.tr

    def work(progress: Progress) -> bytes:
        def each(done: int, total: int) -> bool:
            text = tr(N_("Making document {done} of {total}…")).format(
                done=fmt_int(min(done + 1, total), tr), total=fmt_int(total, tr)
            )
            return progress(text, done, total)

        with app.read() as ctx:
            require_print(ctx, job.what)
            used = options if choice is None else numbered(ctx, job, options, choice, issue=False)
            pdf = job.render(ctx, used, each if job.batch else None).pdf
        if made is not None:
            made.append(used)
        return pdf

    title = tr(N_("Preparing {title}")).format(title=job.title)
    return start_operation(owner, title, work, app=app)


def failure_text(exc: object, app: AppContext) -> str:
    """What the officer reads when a document could not be made."""
    tr = app.tr
    if isinstance(exc, ValidationFailed):
        return "\n".join(describe(p, tr) for p in exc.problems)
    if isinstance(exc, KnownError):
        return sentence(exc.code, exc.params, tr)
    log.error("printing failed", exc_info=exc if isinstance(exc, BaseException) else None)
    return tr(N_("The document could not be made: {error}")).format(error=exc)
