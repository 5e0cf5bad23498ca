"""The window's own infrastructure, below every feature: the context passed to each widget,
the worker thread, the list and editor frameworks, navigation, the idle lock and login."""
