"""Texts about residents' photos: why a picture file is refused."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "photo.too_large": N_("the file is larger than {max} MB; choose a smaller picture"),
    "photo.unreadable": N_("the file {file} cannot be read"),
    "photo.not_image": N_(
        "the file is not a picture (JPEG, PNG, BMP or WebP pictures are accepted)"
    ),
    "photo.format": N_(
        "{format} pictures are not accepted; choose a JPEG, PNG, BMP or WebP picture"
    ),
    "photo.too_many_pixels": N_(
        "the picture is too large to open ({width}×{height} pixels, more than {max} million);"
        " it may be damaged or made to harm the computer"
    ),
    "photo.bomb": N_(
        "the picture is too large to open (more than {max} million pixels); it may be damaged"
        " or made to harm the computer"
    ),
    "photo.damaged": N_("the picture is damaged and cannot be opened"),
    "photo.hash": N_("the photo {name} does not match its fingerprint"),
}

FIELDS = {
    "photo": N_("Photo"),
}
