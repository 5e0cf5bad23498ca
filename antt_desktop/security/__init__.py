"""Accounts and roles, password-derived key slots, the encrypted database, the login path.

Nothing here imports the services: the services call :mod:`roles` through ``Ctx.require``.
"""
