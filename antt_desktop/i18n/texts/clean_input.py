"""Texts of refused characters: controls and bidi marks in what an officer types, and
command-line arguments that are not UTF-8."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "text.control": N_(
        "contains an invalid control character (position {position}, {char}); delete it and"
        " type the text again"
    ),
    "cli.argument_encoding": N_(
        "the command-line argument {argument} is not valid UTF-8 text (position {position});"
        " type it again or check the terminal's encoding (nothing was changed)"
    ),
}
