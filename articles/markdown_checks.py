"""Mistakes in an article's Markdown that still render, but not as the editor meant.

Each is a warning shown after saving (and beside the live preview), not an error: the page
saves, and the editor sees what to fix. Line numbers count from 1, as an editor reads them.
"""

import re

from django.utils.translation import gettext

from articles.rendering import CARE_LEVELS

CARD = re.compile(r"^!!!\s*(?P<level>[\w-]*)\s*(?P<title>.*)$")
HEADING_1 = re.compile(r"^#(?!#)\s*\S")
LINK = re.compile(r"\[[^\]]*\]\((?P<url>[^)\s]*)")
IMAGE = re.compile(r"!\[[^\]]*\]\(")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")


def markdown_warnings(body: str) -> list[str]:
    warnings = []
    lines = body.splitlines()
    levels = ", ".join(CARE_LEVELS)
    for number, line in enumerate(lines, start=1):
        words = {"line": number}
        card = CARD.match(line)
        if card:
            level, title = card["level"], card["title"].strip()
            if level not in CARE_LEVELS:
                warnings.append(
                    gettext(
                        "Line %(line)d: a care card's level must be one of %(levels)s, not "
                        "“%(level)s”. It would show as a plain “good to know” card."
                    )
                    % {**words, "levels": levels, "level": level or "(none)"}
                )
            if title.startswith("'"):
                warnings.append(
                    gettext(
                        'Line %(line)d: put a care card\'s title in double quotes ("Title"), '
                        "not single quotes."
                    )
                    % words
                )
        if HEADING_1.match(line):
            warnings.append(
                gettext(
                    "Line %(line)d: “# ” makes a second page title. Use “## ” for a section "
                    "heading."
                )
                % words
            )
        if IMAGE.search(line):
            warnings.append(
                gettext(
                    "Line %(line)d: pictures are not shown in articles. Describe it in words, "
                    "or ask a developer to add a drawing."
                )
                % words
            )
        for link in LINK.finditer(line):
            url = link["url"]
            # "www." links are given https:// when the page is rendered.
            if url and not re.match(r"^(https?:|mailto:|tel:|/|#|www\.)", url, re.IGNORECASE):
                warnings.append(
                    gettext(
                        "Line %(line)d: the link “%(url)s” does not start with https:// so it "
                        "will not work: write the whole address, starting https://."
                    )
                    % {**words, "url": url}
                )
        previous = lines[number - 2] if number > 1 else ""
        if (
            LIST_ITEM.match(line)
            and previous.strip()
            and not LIST_ITEM.match(previous)
            and not previous.startswith((" ", "\t", "!!!", "#"))
        ):
            warnings.append(
                gettext(
                    "Line %(line)d: leave an empty line before a list, or it joins the "
                    "sentence above instead of showing as a list."
                )
                % words
            )
    return warnings
