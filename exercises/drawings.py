"""The drawings shipped with the app (static/img/exercises/*.svg), one of which an exercise
may show: found at run time through the static files finders, so a new drawing is offered
as soon as its file is added, and a path that names no drawing is refused (a typo used to
save, then break every page showing the exercise, as the hashed name could not be found)."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

FOLDER = "img/exercises"


def drawings() -> list[str]:
    """Every drawing's static path ("img/exercises/bridge.svg"), sorted."""
    found = set()
    for folder in finders.find(FOLDER, find_all=True):
        found.update(f"{FOLDER}/{path.name}" for path in Path(folder).glob("*.svg"))
    return sorted(found)


def drawing_choices() -> list[tuple[str, str]]:
    """For the admin's choice list: none, then each drawing by its file's name."""
    return [("", gettext("None")), *((path, Path(path).stem) for path in drawings())]


def validate_drawing(value: str) -> None:
    if value and value not in drawings():
        raise ValidationError(
            gettext(
                "“%(value)s” is not one of the app's drawings. Pick one from the list "
                "(the files in static/img/exercises/), or none."
            ),
            code="not_a_drawing",
            params={"value": value},
        )
