"""Tổ ANTT: grassroots security teams and their members."""
