"""Language: gettext catalogues and babel formatting (no Qt)."""
