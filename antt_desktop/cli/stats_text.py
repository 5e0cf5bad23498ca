"""``antt stats`` as lines of text: the periodic report's presenter
(:mod:`antt_desktop.presenters.report`) decides the words, the order and the values; this
module only lays them out for a terminal. ``Names`` gives catalogue names to the commands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from antt_desktop.i18n.translator import Translator
from antt_desktop.presenters.report import Report, Table, build_report, comparison
from antt_desktop.services import report_rows
from antt_desktop.services.context import SYSTEM, Ctx
from antt_desktop.services.report_rows import CatalogueNames
from antt_desktop.services.stats_model import Statistics, UnitRow


@dataclass(frozen=True)
class Names:
    """Catalogue names in the chosen language, for codes the figures are keyed by."""

    categories: dict[str, str]
    by_catalogue: dict[str, dict[str, str]]

    @classmethod
    def read(cls, ctx: Ctx, tr: Translator) -> Names:
        """The names from :func:`report_rows.catalogue_names` (the window's too)."""
        book = report_rows.catalogue_names(ctx)
        pick = 1 if tr.lang == "en" else 0
        by_catalogue: dict[str, dict[str, str]] = {}
        for (catalogue, code), names in book.items.items():
            by_catalogue.setdefault(catalogue, {})[code] = names[pick]
        return cls({code: names[pick] for code, names in book.categories.items()}, by_catalogue)

    @classmethod
    def load(cls, session: Any, tr: Translator) -> Names:
        """The same from a bare session, for the commands that still pass ``ctx.session``.

        Catalogue names are reference data every role reads, so the program's own actor
        stands in for the caller's; prefer :meth:`read` with the caller's context.
        """
        return cls.read(Ctx(session, SYSTEM, date.today()), tr)

    def of(self, catalogue: str, code: str) -> str:
        return self.by_catalogue.get(catalogue, {}).get(code, code)

    def catalogue(self) -> CatalogueNames:
        """The names as the presenters take them (already in the chosen language)."""
        return CatalogueNames(
            {code: (name, name) for code, name in self.categories.items()},
            {
                (catalogue, code): (name, name)
                for catalogue, names in self.by_catalogue.items()
                for code, name in names.items()
            },
        )


def render(st: Statistics, names: Names, tr: Translator) -> list[str]:
    """The periodic report of ``st`` as lines of text."""
    return lines(build_report(st, names.catalogue(), tr))


def render_units(rows: Sequence[UnitRow], tr: Translator) -> list[str]:
    """The side-by-side comparison of an upper unit's posts, after the report."""
    section = comparison(tuple(rows), tr)
    return ["", section.heading, *_columns(section.table)] if section.table else []


def lines(report: Report) -> list[str]:
    """The report as text: its facts, then each numbered section, a figure on a line of
    its own (details indented under theirs), and the section's table in aligned columns."""
    out = [report.title, *report.facts]
    for section in report.sections:
        out.extend(["", section.heading])
        for line in section.lines:
            value = f": {line.value.text}" if line.value.text else ":"
            out.append(f"{'  ' * line.level}{line.label}{value}")
        if section.table is not None:
            out.extend(_columns(section.table))
    return out


def _columns(table: Table) -> list[str]:
    """``table`` as lines of columns: the names left-aligned, the figures right-aligned."""
    rows = [table.headers, *(tuple(v.text for v in row) for row in table.rows)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.headers))]
    return [
        "  "
        + "  ".join(
            text.ljust(widths[i]) if i == 0 else text.rjust(widths[i]) for i, text in enumerate(row)
        ).rstrip()
        for row in rows
    ]
