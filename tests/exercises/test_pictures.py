"""Editors' uploaded pictures (issue 11, bug 14): a picture of too many pixels is refused
from its header, before anything decodes it; files no row or revision refers to are
removed by `manage.py clean_pictures`."""

import os
import struct
import time
import zlib
from io import StringIO
from pathlib import Path

import pytest
import reversion
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
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


def picture_file(root, name: str, hours_old: float = 2) -> Path:
    path = root / "exercises" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"picture bytes")
    when = time.time() - hours_old * 3600
    os.utime(path, (when, when))
    return path


def test_clean_pictures_removes_only_files_nothing_refers_to(make_exercise, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        old = picture_file(tmp_path, "old.png")  # replaced, but a revision still shows it
        current = picture_file(tmp_path, "current.png")
        orphan = picture_file(tmp_path, "orphan.png")  # replaced, no revision (a script)
        nested = picture_file(tmp_path, "2026/orphan.webp")
        young = picture_file(tmp_path, "uploading.png", hours_old=0)  # a save under way
        elsewhere = tmp_path / "other" / "keep.png"
        elsewhere.parent.mkdir()
        elsewhere.write_bytes(b"not ours")
        exercise = make_exercise()
        exercise.picture = "exercises/old.png"
        with reversion.create_revision():
            exercise.save()
        exercise.picture = "exercises/current.png"
        exercise.save()

        out = StringIO()
        call_command("clean_pictures", "--dry-run", stdout=out)
        listed = out.getvalue()
        assert "exercises/orphan.png" in listed and "exercises/2026/orphan.webp" in listed
        assert "old.png" not in listed and "current.png" not in listed
        assert "uploading.png" not in listed
        assert "2 files" in listed
        assert all(path.exists() for path in (old, current, orphan, nested, young, elsewhere))

        out = StringIO()
        call_command("clean_pictures", stdout=out)
        assert "Deleted 2 files" in out.getvalue()
        assert not orphan.exists() and not nested.exists()
        assert all(path.exists() for path in (old, current, young, elsewhere))


def test_clean_pictures_with_no_upload_folder_does_nothing(db, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "missing"):
        out = StringIO()
        call_command("clean_pictures", stdout=out)
    assert "Deleted 0 files" in out.getvalue()
