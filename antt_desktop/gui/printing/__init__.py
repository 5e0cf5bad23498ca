"""Print jobs, the print preview and the PDF output, used by every feature that prints."""
