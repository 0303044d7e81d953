"""Editor-uploaded exercise pictures: checked with Pillow, then shrunk to a phone-friendly size.

A picture's pixel count is checked from its header (Image.open reads only the header)
before anything decodes it: a 120 KB PNG can hold 100 megapixels, hundreds of MB once
decoded. Pillow's own guard (Image.MAX_IMAGE_PIXELS, about 89 megapixels: a warning, and
DecompressionBombError above twice that) is kept as a second line and handled.
"""

from io import BytesIO
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 1200
MAX_PIXELS = 25_000_000  # 25 megapixels: more than any phone photo needs for 1200 px
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


def _too_big(upload) -> ValidationError:
    return ValidationError(
        gettext(
            "The picture is %(size).1f MB; the limit is 2 MB. Please save it smaller and try again."
        )
        % {"size": upload.size / 1024 / 1024}
    )


def check_pixels(upload) -> None:
    """Refuse a picture of more than MAX_PIXELS, from its header: nothing is decoded.
    A file Pillow cannot read passes here; the format check refuses it."""
    too_many = gettext(
        "The picture has more than %(limit)d megapixels. Please save it smaller "
        "(e.g. 4000 x 3000 pixels) and try again."
    ) % {"limit": MAX_PIXELS // 1_000_000}
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Past Pillow's own limit (the warning is an error when warnings are errors).
        raise ValidationError(too_many) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return
    finally:
        upload.seek(0)
    if width * height > MAX_PIXELS:
        raise ValidationError(
            gettext(
                "The picture is %(width)d x %(height)d pixels (%(megapixels).1f megapixels); the "
                "limit is %(limit)d megapixels. Please save it smaller (e.g. 4000 x 3000 pixels) "
                "and try again."
            )
            % {
                "width": width,
                "height": height,
                "megapixels": width * height / 1_000_000,
                "limit": MAX_PIXELS // 1_000_000,
            }
        )


class PictureFormField(forms.ImageField):
    """The admin's upload field: the file size and the pixel count are checked before
    Pillow decodes the file."""

    default_error_messages = {
        "invalid_image": _("This file is not a picture we can read. Use JPEG, PNG or WebP.")
    }

    def to_python(self, data):
        if data and getattr(data, "size", 0) > MAX_BYTES:
            raise _too_big(data)
        if data and hasattr(data, "seek"):
            check_pixels(data)
        return super().to_python(data)


def validate_picture(upload) -> None:
    """Refuse anything that is not a real JPEG, PNG or WebP of at most 2 MB and 25
    megapixels."""
    if upload.size > MAX_BYTES:
        raise _too_big(upload)
    check_pixels(upload)
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            gettext("This file is not a picture we can read. Use JPEG, PNG or WebP.")
        ) from None
    finally:
        upload.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(
            gettext("%(format)s pictures are not accepted. Use JPEG, PNG or WebP.")
            % {"format": image_format}
        )


def shrink(field_file) -> ContentFile:
    """A re-encoded copy: longest side at most 1200 px, EXIF orientation applied and all
    metadata dropped (phone photos carry the place they were taken). Refuses (ValidationError)
    a picture over MAX_PIXELS, so a save by code that skipped validation never decodes it."""
    check_pixels(field_file)
    field_file.seek(0)
    with Image.open(field_file) as original:
        image_format = original.format
        original.draft(None, (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a reduced scale
        image = ImageOps.exif_transpose(original)
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        out = BytesIO()
        image.save(out, format=image_format, quality=85, optimize=True)
    name = Path(field_file.name).with_suffix(FORMATS[image_format]).name
    return ContentFile(out.getvalue(), name=name)
