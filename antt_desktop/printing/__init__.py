"""Printed documents in the administrative format of Decree 30/2020/NĐ-CP, as PDF.

Each document is a function of an open session, ids, ``today`` and :class:`PrintOptions`
(``printing.text``) that returns a :class:`Printed` (``printing.document``: the PDF bytes
and the page count; ``Printed.save(path)`` writes it atomically):

- ``booklet.booklet(session, dossier_id, *, today, options)``: assessment booklet
- ``certificate.certificates_for_decision(session, decision_number, unit_id, *, options)``
  and ``certificate.certificate(session, commendation_id, *, options)``: giấy khen
- ``pledge_form.pledge_form(session, household_id, year, *, today, options)`` and
  ``pledge_form.pledge_forms_for_area(session, area_id, year, *, today, options)``
- ``pledge_register.pledge_register(session, area_id, year, *, today, options)``
- ``report.periodic_report(session, period, *, unit_id, today, options)``
- ``person_sheet.person_sheet(session, person_id, *, today, options)``

``jobs`` describes each document once (title, default file name, audit entry, choices) for
the window's print preview and ``antt print``. The periodic report's words come from
``antt_desktop.presenters.report``. Import the document modules where they are used:
reportlab is slow to import.
"""
