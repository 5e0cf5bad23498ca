"""Use cases: the single path for every change (validate, write, stamp, audit; one transaction).

A service function takes a :class:`~antt_desktop.services.context.Ctx` (the session of the
caller's transaction, who acts, and today's date) and plain input values. It raises
``ValidationFailed`` *before* writing anything when the input breaks a rule.
"""
