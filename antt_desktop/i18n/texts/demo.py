"""Texts of the demo data generator."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "demo.cancelled": N_(
        "demo data generation was cancelled at '{stage}'; the part being written was undone"
    ),
    "demo.not_empty": N_(
        "this database already holds residents (unit {unit}); demo data goes only into a new"
        " database"
    ),
}
