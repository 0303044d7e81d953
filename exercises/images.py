"""Editor-uploaded exercise pictures: checked with Pillow, then shrunk to a phone-friendly size."""

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
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


def _too_big(upload) -> ValidationError:
    return ValidationError(
        gettext(
            "The picture is %(size).1f MB; the limit is 2 MB. Please save it smaller and try again."
        )
        % {"size": upload.size / 1024 / 1024}
    )


class PictureFormField(forms.ImageField):
    """The admin's upload field: the size is checked before Pillow reads the file."""

    default_error_messages = {
        "invalid_image": _("This file is not a picture we can read. Use JPEG, PNG or WebP.")
    }

    def to_python(self, data):
        if data and getattr(data, "size", 0) > MAX_BYTES:
            raise _too_big(data)
        return super().to_python(data)


def validate_picture(upload) -> None:
    """Refuse anything that is not a real JPEG, PNG or WebP of at most 2 MB."""
    if upload.size > MAX_BYTES:
        raise _too_big(upload)
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
    metadata dropped (phone photos carry the place they were taken)."""
    field_file.seek(0)
    with Image.open(field_file) as original:
        image_format = original.format
        image = ImageOps.exif_transpose(original)
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        out = BytesIO()
        image.save(out, format=image_format, quality=85, optimize=True)
    name = Path(field_file.name).with_suffix(FORMATS[image_format]).name
    return ContentFile(out.getvalue(), name=name)
