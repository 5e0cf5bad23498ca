"""Residents: the list model, the person editor, the photo panel and the history of
corrections, shown by several features."""
