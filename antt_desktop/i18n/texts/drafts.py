"""Texts about drafts (bản nháp): why a draft could not be kept."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "draft.no_editor": N_("the draft does not say which window it belongs to"),
    "draft.not_text": N_("a draft holds only text"),
    "draft.too_long": N_("the draft is longer than {limit} characters"),
    "draft.not_yours": N_("this draft belongs to another account"),
}
