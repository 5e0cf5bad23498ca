"""Đồng bộ: enrolment, bundle export and import, conflicts and dossier transfers."""
