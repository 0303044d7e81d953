"""Editors' uploaded pictures (issue 11, bug 14): a picture of too many pixels is refused
from its header, before anything decodes it; files no row or revision refers to are
removed by `manage.py clean_pictures`."""

import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ImageFile

from exercises.images import validate_picture
from exercises.models import Exercise
from tests.exercises.test_admin import exercise_form


def grey_png(width: int, height: int) -> bytes:
    """A black greyscale PNG, written row by row so the test never holds the pixels:
    10000 x 10000 (100 megapixels, 100 MB once decoded) is about 100 KB of file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)  # filter byte + one byte per pixel
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def bomb():
    return grey_png(10_000, 10_000)


@pytest.fixture
def decoded(monkeypatch):
    """Every picture Pillow decodes in the test (ImageFile.load), by its size."""
    sizes = []
    load = ImageFile.ImageFile.load

    def recording_load(image):
        sizes.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", recording_load)
    return sizes


def test_the_limit_is_25_megapixels():
    from exercises.images import MAX_PIXELS

    assert MAX_PIXELS == 25_000_000


def test_a_100_megapixel_png_is_refused_before_it_is_decoded(
    admin_client, make_exercise, settings, tmp_path, bomb, decoded
):
    assert len(bomb) < 200_000  # small on disk: the 2 MB limit lets it through
    settings.MEDIA_ROOT = tmp_path
    exercise = make_exercise()
    response = admin_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/",
        exercise_form(exercise, picture=SimpleUploadedFile("huge.png", bomb)),
    )
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["picture"])
    assert "25 megapixels" in errors and "save it smaller" in errors
    assert decoded == []
    exercise.refresh_from_db()
    assert not exercise.picture
    assert list(tmp_path.iterdir()) == []


def test_a_picture_just_over_the_limit_is_refused_with_its_size(decoded):
    with pytest.raises(ValidationError) as raised:
        validate_picture(SimpleUploadedFile("big.png", grey_png(5001, 5000)))
    assert "5001 x 5000 pixels" in raised.value.messages[0]
    assert "the limit is 25 megapixels" in raised.value.messages[0]
    assert decoded == []


def test_a_picture_at_the_limit_is_accepted(decoded):
    validate_picture(SimpleUploadedFile("big.png", grey_png(5000, 5000)))


def test_code_saving_a_huge_picture_never_decodes_it(make_exercise, settings, tmp_path, bomb):
    """Exercise.save shrinks a new picture: without validation (a script) Pillow's own
    limit still stops it before decoding."""
    settings.MEDIA_ROOT = tmp_path
    exercise = make_exercise()
    exercise.picture = SimpleUploadedFile("huge.png", bomb)
    with pytest.raises(ValidationError):
        exercise.save()
    assert not Exercise.objects.get(pk=exercise.pk).picture
