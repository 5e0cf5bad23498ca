"""Figures kept per post (số liệu tổng hợp theo đơn vị) so the upper unit's screens need not
count 120,000 households and their pledges each time they are shown.

The rows are kept by the database's own triggers (``store/post_figures.py``), in the
transaction of the write that changes them, whatever writes it: a service, the sync import,
the spreadsheet importer. They are never synchronised (each database keeps its own) and
can be counted again from the records at any time (:func:`post_figures.rebuild`).
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base


class PledgeFigure(Base):
    """Live households of one unit and residential area (``year`` 0), and the live pledges
    of those households for one year by status and cultured-family mark.

    ``area_id`` is "" for households with no area (a key column cannot be NULL).
    """

    __tablename__ = "post_pledge_figures"

    unit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    area_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(12), primary_key=True)
    cultured: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
