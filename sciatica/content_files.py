"""Read the starting content from files a clinician can review (standard library only).

Layout of the content folder (README "Content files"):

    references.toml         [id] tables: title, publisher, url, accessed (a date)
    categories.toml         [slug] tables: name, order, description
    articles/<slug>.md      TOML front matter between "+++" lines, then the Markdown body
    exercises/<slug>.toml   every field of an exercise; steps as a list
    routines/<slug>.toml    name, order, summary, ...; one [[items]] table per exercise

`read_content()` reads and checks every file before anything is written. It returns
the whole content, or raises ContentError listing every problem found, each naming
its file and field (and the line, for a TOML syntax error). Checks that need the
models (lengths, choices, dose rules) are done by the load_content command.
"""

import datetime
import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

FRONT_MATTER = "+++"


class ContentError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        super().__init__(
            f"Content not loaded ({count}; nothing was changed):\n"
            + "\n".join(f"  {problem}" for problem in problems)
        )


@dataclass(frozen=True)
class Field:
    kind: str  # "text", "int", "bool", "texts", "date", "refs" or "items"
    required: bool = True
    default: object = None


def _text(required=True):
    return Field("text", required, "")


def _int(required=True):
    return Field("int", required, None)


FLAG = Field("bool", required=False, default=False)
REFERENCES = Field("refs", required=False, default=())

SCHEMAS = {
    "reference": {
        "title": _text(),
        "publisher": _text(),
        "url": _text(),
        "accessed": Field("date"),
    },
    "category": {"name": _text(), "order": _int(), "description": _text(required=False)},
    "article": {
        "title": _text(),
        "summary": _text(),
        "order": _int(),
        "tags": Field("texts", required=False, default=()),
        "references": REFERENCES,
    },
    "exercise": {
        "name": _text(),
        "category": _text(),
        "order": _int(),
        "summary": _text(),
        "difficulty": _text(),
        "steps": Field("texts"),
        "why_it_helps": _text(required=False),
        "precautions": _text(),
        "also_stop_if": _text(required=False),
        "dose_kind": _text(),
        "hold_seconds": _int(required=False),
        "reps": _int(required=False),
        "sets": _int(required=False),
        "rest_seconds": _int(required=False),
        "rest_between_sets_seconds": _int(required=False),
        "each_side": FLAG,
        "duration_minutes": _int(required=False),
        "quick_squeezes": _int(required=False),
        "earliest_week": Field("int", required=False, default=0),
        "clearance_after_caesarean": FLAG,
        "clearance_after_assisted": FLAG,
        "clearance_for_everyone": FLAG,
        "illustration_alt": _text(),
        "references": REFERENCES,
    },
    "routine": {
        "name": _text(),
        "order": _int(),
        "summary": _text(),
        "description": _text(required=False),
        "rest_between_seconds": _int(),
        "items": Field("items"),
    },
    "routine item": {
        "exercise": _text(),
        "hold_seconds": _int(required=False),
        "reps": _int(required=False),
        "sets": _int(required=False),
        "rest_seconds": _int(required=False),
        "duration_minutes": _int(required=False),
    },
}

# Fields an older content folder may still use, and how they are written now.
RENAMED = {
    "exercise": {
        "needs_caesarean_clearance": "clearance_after_caesarean = true",
        "not_first_six_weeks": "earliest_week = 6",
    },
}

EXPECTED = {
    "text": 'text in quotes, e.g. "Walking"',
    "int": "a whole number, e.g. 3",
    "bool": "true or false",
    "texts": 'a list of texts, e.g. ["one", "two"]',
    "date": "a date written as YYYY-MM-DD, e.g. 2026-11-29",
    "refs": 'a list of reference ids from references.toml, e.g. ["nhs-111-wales-sciatica"]',
    "items": "one or more [[items]] tables, each naming an exercise",
}


@dataclass(frozen=True)
class Item:
    slug: str
    source: str  # the file it came from, for messages
    data: dict


@dataclass(frozen=True)
class Content:
    references: dict[str, Item]  # by id
    categories: list[Item]
    articles: list[Item]
    exercises: list[Item]
    routines: list[Item]


def _describe(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, datetime.date):
        return f"the date-time {value}" if isinstance(value, datetime.datetime) else "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _date(value):
    """A TOML date, or a YYYY-MM-DD text; None when it is neither."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _is(kind: str, value) -> bool:
    if kind == "text":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind in ("texts", "refs"):
        return isinstance(value, list) and all(isinstance(i, str) for i in value)
    if kind == "items":
        return isinstance(value, list) and bool(value) and all(isinstance(i, dict) for i in value)
    return _date(value) is not None  # "date"


def _by_order(item: Item):
    order = item.data.get("order")
    return (order if isinstance(order, int) else 0, item.slug)


class Reader:
    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self.problems: list[str] = []

    def name(self, path: Path) -> str:
        return str(path.relative_to(self.root.parent))

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def text_of(self, path: Path) -> str | None:
        try:
            return path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self.problem(self.name(path), "file not found")
        except UnicodeDecodeError as error:
            self.problem(self.name(path), f"not UTF-8 text ({error.reason} at byte {error.start})")
        return None

    def toml(self, text: str, where: str, first_line: int = 1) -> dict | None:
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            # tomllib counts from the start of `text`: give the line in the file.
            message = re.sub(
                r"at line (\d+)", lambda m: f"at line {int(m[1]) + first_line - 1}", str(error)
            )
            self.problem(where, f"not valid TOML: {message}")
            return None

    def fields(self, data: dict, schema: str, where: str) -> dict:
        """The checked fields, defaults filled in; every problem noted."""
        fields = SCHEMAS[schema]
        for unknown in sorted(data.keys() - fields.keys()):
            close = difflib.get_close_matches(unknown, fields, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known fields: {', '.join(fields)}"
            if renamed := RENAMED.get(schema, {}).get(unknown):
                hint = f"renamed: write {renamed} where it was true"
            self.problem(where, f"unknown field {unknown!r} ({hint})")
        checked = {}
        for name, field in fields.items():
            # A missing or wrong value is noted and replaced by the default, so that the
            # other checks can go on (nothing is loaded while any problem is noted).
            default = field.default
            checked[name] = list(default) if isinstance(default, tuple) else default
            if name not in data:
                if field.required:
                    self.problem(where, f"{name}: missing ({EXPECTED[field.kind]})")
            elif not _is(field.kind, data[name]):
                value = data[name]
                got = _describe(value)
                if field.kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
                    got += ", which is not a real date"
                self.problem(where, f"{name}: must be {EXPECTED[field.kind]}, not {got}")
            else:
                checked[name] = _date(data[name]) if field.kind == "date" else data[name]
        return checked

    def tables(self, path: Path, schema: str) -> dict[str, Item] | None:
        """A file of [key] tables, e.g. references.toml: {key: Item}; None if unreadable."""
        where = self.name(path)
        text = self.text_of(path)
        data = None if text is None else self.toml(text, where)
        if data is None:
            return None
        tables = {}
        for key, value in data.items():
            if not isinstance(value, dict):
                self.problem(where, f"{key}: must be a table, a line [{key}] then its fields")
                continue
            source = f"{where} [{key}]"
            tables[key] = Item(key, source, self.fields(value, schema, source))
        return tables

    def files(self, folder: str, suffix: str) -> list[Path]:
        path = self.root / folder
        if not path.is_dir():
            self.problem(self.name(path), "folder not found")
            return []
        return sorted(p for p in path.glob(f"*{suffix}") if not p.name.startswith("."))

    def article(self, path: Path) -> Item | None:
        where = self.name(path)
        text = self.text_of(path)
        if text is None:
            return None
        lines = text.split("\n")
        closing = next(
            (n for n, line in enumerate(lines[1:], start=1) if line.strip() == FRONT_MATTER),
            None,
        )
        if lines[0].strip() != FRONT_MATTER or closing is None:
            self.problem(
                where,
                f"must start with a line {FRONT_MATTER}, the front matter (title, summary, "
                f"order, tags, references), a line {FRONT_MATTER}, then the Markdown body",
            )
            return None
        front = self.toml("\n".join(lines[1:closing]), where, first_line=2)
        if front is None:
            return None
        data = self.fields(front, "article", where)
        body = "\n".join(lines[closing + 1 :]).strip("\n")
        if not body.strip():
            self.problem(where, "body: missing (the Markdown text after the second +++ line)")
        data["body"] = body + "\n"
        return Item(path.stem, where, data)

    def toml_item(self, path: Path, schema: str) -> Item | None:
        where = self.name(path)
        text = self.text_of(path)
        data = None if text is None else self.toml(text, where)
        if data is None:
            return None
        checked = self.fields(data, schema, where)
        if schema == "routine":
            checked["items"] = [
                self.fields(item, "routine item", f"{where} [[items]] number {n}")
                for n, item in enumerate(checked.get("items") or [], start=1)
            ]
        return Item(path.stem, where, checked)

    def resolve_references(self, item: Item, references: dict | None) -> None:
        ids = item.data["references"]
        for rid in sorted({rid for rid in ids if ids.count(rid) > 1}):
            self.problem(item.source, f"references: {rid!r} is listed more than once")
        for rid in ids:
            if references is not None and rid not in references:
                self.problem(
                    item.source,
                    f"references: unknown reference id {rid!r} (not in references.toml)",
                )
        item.data["references"] = [references[rid].data for rid in ids if rid in (references or {})]

    def read(self) -> Content:
        if not self.root.is_dir():
            raise ContentError([f"{self.root}: content folder not found"])
        references = self.tables(self.root / "references.toml", "reference")
        categories = self.tables(self.root / "categories.toml", "category")
        articles = [self.article(p) for p in self.files("articles", ".md")]
        exercise_files = self.files("exercises", ".toml")
        exercises = [self.toml_item(p, "exercise") for p in exercise_files]
        routines = [self.toml_item(p, "routine") for p in self.files("routines", ".toml")]
        # In their `order` (rows are created in this order, so newest-first lists keep it).
        articles, exercises, routines = (
            sorted((i for i in items if i is not None), key=_by_order)
            for items in (articles, exercises, routines)
        )

        for item in [*articles, *exercises]:
            self.resolve_references(item, references)
        # A file that could not be read at all is reported once, not again by what names it.
        category_slugs = set(categories) if categories is not None else None
        for item in exercises:
            category = item.data.get("category")
            if category and category_slugs is not None and category not in category_slugs:
                self.problem(
                    item.source,
                    f"category: unknown category {category!r} "
                    f"(categories.toml has: {', '.join(sorted(category_slugs))})",
                )
        exercise_slugs = {path.stem for path in exercise_files}
        for item in routines:
            for n, entry in enumerate(item.data["items"], start=1):
                slug = entry.get("exercise")
                if slug and slug not in exercise_slugs:
                    self.problem(
                        item.source,
                        f"[[items]] number {n}: exercise: unknown exercise {slug!r} "
                        f"(no file exercises/{slug}.toml)",
                    )
        if self.problems:
            raise ContentError(self.problems)
        return Content(references, list(categories.values()), articles, exercises, routines)


def read_content(root: Path) -> Content:
    """Everything in the content folder, checked; ContentError if anything is wrong."""
    return Reader(root).read()
