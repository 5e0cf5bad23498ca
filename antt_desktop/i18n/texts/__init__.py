"""User-visible texts per area: each module defines ``MESSAGES`` (rule code → sentence) and
``FIELDS`` (field name → label), English, marked with ``N_`` for extraction. Vietnamese lives
in ``resources/locale/vi/LC_MESSAGES/*.po``."""
