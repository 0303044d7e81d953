"""The check-in page as the server renders it: the same page for everyone (her answers never
reach the server), its questions and warning signs written once, the numbers to call from
settings, a form that cannot submit, and the ways in."""

import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from core.warning_signs import WARNING_SIGNS, Phone, care_contacts
from sciatica.offline import offline_manifest

pytestmark = pytest.mark.django_db


class Forms(HTMLParser):
    """Every form's attributes and the names of the controls inside it."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.inside, self.loose_names = [], None, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = {"attrs": attrs, "names": []}
            self.forms.append(self.inside)
        elif tag in ("input", "select", "textarea", "button") and "name" in attrs:
            (self.inside["names"] if self.inside else self.loose_names).append(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = None


def checkin_form(html):
    forms = [form for form in Forms(html).forms if "checkin__form" in form["attrs"]["class"]]
    assert len(forms) == 1
    return forms[0]


def test_the_page_asks_each_question_in_a_fieldset_with_a_legend(client):
    response = client.get(reverse("checkin"))
    assert response.status_code == 200
    html = response.content.decode()
    steps = re.findall(r'<fieldset class="checkin__step" data-step="(\w+)"', html)
    assert steps == ["born", "birth", "cleared", "emergency", "urgent"]
    assert html.count("<legend>") == 5
    for n in range(1, 6):
        assert f"Question {n} of 5" in html
    assert 'type="date" id="born-date"' in html and 'type="number" id="born-weeks"' in html
    for label in ["Vaginal birth", "Assisted birth, with forceps or ventouse", "Caesarean"]:
        assert label in html
    assert "<h1>Quick check-in</h1>" in html


def test_the_form_can_never_send_her_answers(client):
    html = client.get(reverse("checkin")).content.decode()
    form = checkin_form(html)
    # method="dialog" goes nowhere; without scripting the form is not shown (site.css,
    # `scripting: none`; tests/browser/test_checkin.py checks it in Chromium).
    assert form["attrs"]["method"] == "dialog"
    assert "action" not in form["attrs"]
    # Only the choices have names (radio groups need one), all inside the form.
    assert set(form["names"]) == {
        "checkin-birth", "checkin-cleared", "checkin-emergency", "checkin-urgent",
    }  # fmt: skip
    assert Forms(html).loose_names == []
    assert 'data-field="birthDate"' in html and 'name="birthDate"' not in html


def test_the_warning_signs_are_the_ones_written_in_core_emergency_first(client):
    html = client.get(reverse("checkin")).content.decode()
    emergency = html[html.index('data-step="emergency"') : html.index('data-step="urgent"')]
    urgent = html[html.index('data-step="urgent"') : html.index("</form>")]
    for sign in [*WARNING_SIGNS["red_flags"], *WARNING_SIGNS["after_birth_emergencies"]]:
        assert f"<li>{sign}</li>" in emergency
    for sign in [*WARNING_SIGNS["see_a_gp"], *WARNING_SIGNS["after_birth_same_day"]]:
        assert f"<li>{sign}</li>" in urgent
    assert "breathlessness" in emergency and "calf" in urgent


def test_the_care_cards_call_the_numbers_in_settings(client):
    html = client.get(reverse("checkin")).content.decode()
    emergency = html[html.index('data-result="emergency"') : html.index('data-result="urgent"')]
    assert "Call 999 now, or go to A&amp;E" in emergency
    assert '<a class="button button--call" href="tel:999">Call 999</a>' in emergency
    assert "exercises/" not in emergency and "routines/" not in emergency
    urgent = html[html.index('data-result="urgent"') : html.index('data-result="ready"')]
    assert 'href="tel:111">Call NHS 111</a>' in urgent
    assert 'href="tel:999">Call 999</a>' in urgent


def test_a_site_in_another_country_sets_its_own_numbers(client, settings):
    settings.EMERGENCY_PHONE = "911"
    settings.EMERGENCY_DEPARTMENT = "the emergency room"
    settings.URGENT_PHONE = "+1 555-0100"
    settings.URGENT_SERVICE = "the nurse line"
    html = client.get(reverse("checkin")).content.decode()
    assert "Call 911 now, or go to the emergency room" in html
    assert 'href="tel:911">Call 911</a>' in html
    assert 'href="tel:+15550100">Call the nurse line</a>' in html
    assert "999" not in html and "111" not in html and "A&amp;E" not in html
    # The red flags card in the footer says the same.
    assert "Call 911 or go to the emergency room" in render_to_string("500.html")


def test_with_no_urgent_advice_line_the_urgent_card_names_the_gp_alone(client, settings):
    settings.URGENT_PHONE = ""
    html = client.get(reverse("checkin")).content.decode()
    urgent = html[html.index('data-result="urgent"') : html.index('data-result="ready"')]
    assert "Call your GP or midwife today." in urgent
    assert "NHS 111" not in urgent and "tel:111" not in urgent
    assert care_contacts().urgent is None


def test_a_new_number_gives_phones_a_new_offline_version(settings):
    before = offline_manifest()["version"]
    settings.EMERGENCY_PHONE = "112"
    assert offline_manifest()["version"] != before


def test_the_page_is_saved_for_offline_use():
    assert reverse("checkin") in offline_manifest()["pages"]


def test_the_page_is_the_same_for_everyone_whatever_the_request_carries(client):
    """Nothing she could add to the address or cookies changes it: it reads no answer."""
    plain = client.get(reverse("checkin")).content.decode()
    client.cookies["checkin"] = '{"birth": "caesarean"}'
    other = client.get(reverse("checkin") + "?birth=caesarean&cleared=yes").content.decode()
    strip = re.compile(r'<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>')
    assert strip.sub("", plain) == strip.sub("", other)


def test_the_rules_weeks_are_on_the_page_for_asking_again(client, seeded):
    html = client.get(reverse("checkin")).content.decode()
    assert '<script id="checkin-weeks" type="application/json">[6]</script>' in html


@pytest.mark.parametrize("path", ["/", "/exercises/", "/routines/", "/exercises/bridge/"])
def test_the_ways_in_link_to_the_check_in(client, path, seeded):
    html = client.get(path).content.decode()
    link = re.search(r'<p class="checkin-link" data-checkin-link>\s*<a [^>]*href="([^"]+)"', html)
    assert link and link[1] == "/check-in/", path
    assert "New here? Start with a quick check-in" in html
    assert "js/checkin-link" in html


def test_the_timers_start_screen_links_to_the_check_in(client, seeded):
    html = client.get("/routines/gentle-stretch/").content.decode()
    intro = html[html.index('data-el="intro"') : html.index('data-el="run"')]
    assert 'href="/check-in/"' in intro


@pytest.mark.parametrize(
    ("number", "href"),
    [("999", "tel:999"), ("+44 20 7946 0000", "tel:+442079460000"), ("1-800-555", "tel:1800555")],
)
def test_a_phone_number_becomes_a_tap_to_call_link(number, href):
    assert Phone(number).href == href
