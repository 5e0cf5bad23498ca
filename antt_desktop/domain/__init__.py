"""Pure rules and reference data: validators, enums, Vietnamese text, schedules, rates.

Nothing here imports SQLAlchemy, Qt or does I/O.
"""
