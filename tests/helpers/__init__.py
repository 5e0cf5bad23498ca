"""Helpers several test folders share (fixtures stay in ``tests/conftest.py``)."""
