"""ANTT Desktop: records for commune police posts (Công an xã/phường), offline-first."""

__version__ = "0.1.0"
