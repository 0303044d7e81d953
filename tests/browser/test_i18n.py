"""The timer's words on screen and in its voice come from the page's catalogue.

The test serves the exercise page with every word of its catalogue wrapped in ⟦…⟧ and a
made-up language ("en-XA"): what the player then shows and says must be those words, in
that language. The plan's own labels and sentences are the server's (tests/test_i18n.py
checks that they are translated).
"""

import json
import re
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

CATALOGUE = re.compile(r'(<script id="js-catalog" type="application/json">)(.*?)(</script>)', re.S)
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
START_AT = T0 + timedelta(seconds=30)

# What the voice says, and in which language (headless Chromium has no speakers).
RECORD_SPEECH = """
window.__said = [];
if (window.speechSynthesis) {
  speechSynthesis.speak = (utterance) => { window.__said.push([utterance.text, utterance.lang]); };
  speechSynthesis.cancel = () => {};
}
"""


def wrapped(catalogue: dict) -> dict:
    return {
        "lang": "en-XA",
        "strings": {key: f"⟦{text}⟧" for key, text in catalogue["strings"].items()},
        "plurals": {
            key: {**entry, "forms": [f"⟦{form}⟧" for form in entry["forms"]]}
            for key, entry in catalogue["plurals"].items()
        },
    }


def serve_wrapped_catalogue(route):
    response = route.fetch()
    html = response.text()
    catalogue = json.loads(CATALOGUE.search(html).group(2))
    data = json.dumps(wrapped(catalogue)).replace("<", "\\u003C")
    body = CATALOGUE.sub(lambda m: m.group(1) + data + m.group(3), html)
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    route.fulfill(status=response.status, headers=headers, body=body)


def test_timer_shows_and_says_the_words_of_the_page_catalogue(server, page):
    url = f"{server.url}/exercises/hamstring-stretch/"
    page.route(url, serve_wrapped_catalogue)
    page.add_init_script(RECORD_SPEECH)
    page.clock.install(time=T0)
    page.goto(url)
    page.clock.pause_at(START_AT)

    def text(name):
        return page.locator(f'#timer [data-el="{name}"]').text_content()

    page.get_by_role("button", name="Start", exact=True).click()
    assert [text("label"), text("where"), text("next"), text("left"), text("pause")] == [
        "Get ready",  # the plan's label, from the server
        "⟦Left side⟧",
        "⟦Next: Hold ⟦30 s⟧⟧",
        "⟦3:55 left⟧",
        "⟦Pause⟧",
    ]
    assert text("status") == "⟦⟦Get ready. ⟦Left side⟧⟧.⟧"
    page.clock.run_for(6000)
    assert [text("label"), text("where"), text("next")] == [
        "Hold",
        "⟦Rep 1 of 3⟧ · ⟦Left side⟧",
        "⟦Next: Rest ⟦10 s⟧⟧",
    ]
    page.locator('#timer [data-el="pause"]').click()
    assert text("pause") == "⟦Resume⟧"
    page.locator('#timer [data-el="finish"]').click()
    page.clock.run_for(500)
    page.locator('#timer [data-el="sure-yes"]').click()  # Finish asks first

    expect(page.locator('#timer [data-el="spent"]')).to_have_text(
        "⟦You stopped after ⟦6 s⟧. Every bit counts.⟧"
    )
    # 1 s of exercise after the get ready: too short to keep.
    expect(page.locator('#timer [data-el="saved"]')).to_have_text(
        "⟦Under 5 seconds of exercise: not saved.⟧"
    )
    assert page.evaluate("window.__said") == [
        ["Get ready. Hamstring stretch, left side.", "en-XA"],
        ["Hold, left side. 1 of 3.", "en-XA"],
        ["⟦Finished. Well done.⟧", "en-XA"],
    ]
    assert page.console.errors == []
