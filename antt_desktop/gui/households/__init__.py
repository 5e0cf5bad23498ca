"""Hộ gia đình: the register, a household's members and its yearly pledges."""
