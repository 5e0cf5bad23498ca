"""Spreadsheet imports (.xlsx, .csv) of residents and households through the services.

``import_file`` checks every row, then adds the valid ones in one transaction; the
:class:`~antt_desktop.importers.report.ImportReport` says what happened to each row and
``save_refused`` writes the refused rows to a workbook to correct and import again.
"""

from antt_desktop.importers.report import ImportReport, save_refused
from antt_desktop.importers.run import import_file
from antt_desktop.importers.writing import ImportCancelled

__all__ = ["ImportCancelled", "ImportReport", "import_file", "save_refused"]
