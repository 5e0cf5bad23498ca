"""Helpers shared by the tests of several packages (fixtures stay in the conftest files)."""
