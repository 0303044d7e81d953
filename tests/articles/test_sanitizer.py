"""Hostile article bodies: stored and rendered with nothing executable left."""

from html.parser import HTMLParser

import pytest

from articles.rendering import render_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x73;cript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<img src=x onerror="alert(1)">',
    '![x](x" onerror="alert(1))',
    '<p onclick="alert(1)">tap</p>',
    '<div onmouseover="alert(1)">hover</div>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<!--<script>alert(1)</script>-->",
    "<details open ontoggle=alert(1)>",
    '<a href="  javascript:alert(1)">spaced</a>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<<script>script>alert(1)<</script>/script>",
    '<div class="care-card care-card--emergency" onclick="alert(1)">fake card</div>',
    '<aside class="evil" aria-label="x">not a real card</aside>',
    '<a href="https://example.org" target="_blank" onclick="alert(1)">ok</a>',
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<b onmouseover=alert(1)>broken <i>markup",
    '!!! emergency "x\\" onclick=\\"alert(1)"\n    body',
]

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "svg", "math", "style", "form", "meta", "base",
    "link", "img", "details", "button",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "xlink:href", "formaction", "data"}
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "/", "#")


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc"}:
                self.problems.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES and value is not None:
                url = "".join(value.split()).lower()
                if not url.startswith(SAFE_SCHEMES) and ":" in url.split("/")[0]:
                    self.problems.append(f"{tag}[{name}={value}]")


def assert_harmless(html: str) -> None:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    assert inspector.problems == [], html


def test_there_are_at_least_25_hostile_inputs():
    assert len(HOSTILE) >= 25


@pytest.mark.parametrize("text", HOSTILE)
def test_rendering_leaves_nothing_executable(text):
    assert_harmless(render_markdown(text).html)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_body_is_stored_and_served_harmless(client, make_article, text):
    article = make_article(body=f"Intro.\n\n{text}\n\nOutro.")
    assert_harmless(article.body_html)
    html = client.get(article.get_absolute_url()).content.decode()
    body = html.split('<div class="prose">')[1].split("</div>\n")[0]
    assert_harmless(body)


def test_only_known_care_card_classes_survive():
    html = render_markdown('<aside class="evil care-card--emergency">x</aside>').html
    assert "evil" not in html


def test_safe_markdown_survives():
    html = render_markdown(
        "## Heading\n\n**bold** _em_ [NHS](https://www.nhs.uk/) [mail](mailto:a@b.c)\n\n"
        "> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n"
    ).html
    for fragment in [
        '<h2 id="heading">Heading</h2>',
        "<strong>bold</strong>",
        "<em>em</em>",
        '<a href="https://www.nhs.uk/" rel="noopener noreferrer">NHS</a>',
        'href="mailto:a@b.c"',
        "<blockquote>",
        "<table>",
        "<li>one</li>",
    ]:
        assert fragment in html
