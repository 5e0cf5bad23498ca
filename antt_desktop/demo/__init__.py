"""Realistic, reproducible demo data (``antt demo-data``); the entry point is
:func:`antt_desktop.demo.generate.generate`."""
