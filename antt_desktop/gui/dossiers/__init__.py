"""Hồ sơ đối tượng: the dossier list, a dossier's window and its dialogs."""
