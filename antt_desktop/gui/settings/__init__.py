"""Cài đặt: preferences, security and accounts, the audit log, spreadsheet import."""
