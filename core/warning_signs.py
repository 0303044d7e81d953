"""The warning signs of "When to get help", written once, and who to call about them.

The red-flags card (templates/_partials/_red_flags.html), the "See a GP soon" card
(_see_a_gp.html), the "When to get help" page's first two cards, which list every sign
(_emergency_signs.html, _urgent_signs.html) and the check-in's two safety questions
(templates/checkin.html) all show these lists; templates get them through
`{% warning_signs %}` and `{% care_contacts %}` (core/templatetags/site.py), which need no
request, so the error pages can use them too.
The wording follows ../shared/content-facts.md; a clinician editor reviews it.

The numbers and service names come from settings (DJANGO_EMERGENCY_PHONE and friends,
README "Configuration"): a site in another country sets its own.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Sign:
    """One warning sign: its words (shown as they are, `{{ sign }}`) and its sources, the
    ids of the pages it comes from in content/references.toml, which the help article
    cites (tests/test_help_page.py checks both)."""

    text: str
    sources: tuple[str, ...]

    def __str__(self):
        return str(self.text)


# Sources (ids in content/references.toml).
NHS_111_WALES = "nhs-111-wales-sciatica"
ROTHERHAM = "rotherham-postnatal-information"
NICE_SIGNS = "nice-cg37-postnatal-signs"
MKUH = "mkuh-important-symptoms-after-birth"
NHS_DVT = "nhs-dvt"
SNEE_AFTER_BIRTH = "snee-after-birth-booklet"

# Call 999 or go to A&E. Sciatica's red flags (cauda equina syndrome), NHS 111 Wales.
RED_FLAGS = (
    Sign(
        _("sciatica in both legs"),
        sources=(NHS_111_WALES,),
    ),
    Sign(
        _("weakness or numbness in both legs that is bad or getting worse"),
        sources=(NHS_111_WALES,),
    ),
    Sign(
        _("numbness around your genitals or bottom"),
        sources=(NHS_111_WALES,),
    ),
    # A new loss of control, not the mild leaking that is common after a birth (that is a
    # reason to see a GP or physio: the cards say so under the list).
    Sign(
        _("new trouble starting to pee, or a new loss of control of your pee or poo"),
        sources=(NHS_111_WALES,),
    ),
)
# Call 999: emergencies after a birth (The Rotherham NHS Foundation Trust, postnatal
# information): a clot that may have reached the lungs, a haemorrhage, collapse.
AFTER_BIRTH_EMERGENCIES = (
    Sign(
        _("sudden breathlessness, or pain in your chest"),
        sources=(ROTHERHAM,),
    ),
    Sign(
        _("sudden or very heavy bleeding from your vagina"),
        sources=(ROTHERHAM,),
    ),
    Sign(
        _("fainting or collapsing"),
        sources=(ROTHERHAM,),
    ),
)
# See a GP soon: sciatica that is not getting better (NHS 111 Wales). Each completes
# "your pain ...".
SEE_A_GP = (
    Sign(
        _("is not getting better after a few weeks"),
        sources=(NHS_111_WALES,),
    ),
    Sign(
        _("is getting worse"),
        sources=(NHS_111_WALES,),
    ),
    Sign(
        _("stops you doing everyday things or caring for your baby"),
        sources=(NHS_111_WALES,),
    ),
)
# See a GP or midwife the same day: signs after a birth.
AFTER_BIRTH_SAME_DAY = (
    # A blood clot in a leg (deep vein thrombosis): the risk is raised for about six weeks.
    Sign(
        _("pain, swelling, warmth or redness in one leg, often in the calf"),
        sources=(NHS_DVT, SNEE_AFTER_BIRTH, ROTHERHAM),
    ),
    # An infection.
    Sign(
        _("a fever or shivering"),
        sources=(ROTHERHAM, NICE_SIGNS),
    ),
    Sign(
        _("tummy pain, or vaginal discharge that smells bad"),
        sources=(ROTHERHAM, NICE_SIGNS),
    ),
    # Some bleeding is normal for weeks; this is not.
    Sign(
        _("bleeding that gets heavier again, or large clots"),
        sources=(ROTHERHAM, MKUH),
    ),
    Sign(
        _("a caesarean wound that is red, hot, swollen, weeping or opening"),
        sources=(MKUH,),
    ),
    Sign(
        _("feeling faint or dizzy, or a racing heart"),
        sources=(ROTHERHAM, NICE_SIGNS),
    ),
)

WARNING_SIGNS = {
    "red_flags": RED_FLAGS,
    "after_birth_emergencies": AFTER_BIRTH_EMERGENCIES,
    "see_a_gp": SEE_A_GP,
    "after_birth_same_day": AFTER_BIRTH_SAME_DAY,
}

_NOT_DIALLED = re.compile(r"[^0-9+]")


@dataclass(frozen=True)
class Phone:
    number: str  # as people read it: "999", "+44 20 7946 0000"

    @property
    def href(self) -> str:
        """A tap-to-call link: "tel:999"."""
        return "tel:" + _NOT_DIALLED.sub("", self.number)


@dataclass(frozen=True)
class CareContacts:
    emergency: Phone  # the emergency number: 999
    department: str  # where to go in an emergency: A&E
    urgent: Phone | None  # urgent advice by phone, when the country has it: 111
    urgent_service: str  # its name: NHS 111


def care_contacts() -> CareContacts:
    urgent = settings.URGENT_PHONE
    return CareContacts(
        emergency=Phone(settings.EMERGENCY_PHONE),
        department=settings.EMERGENCY_DEPARTMENT,
        urgent=Phone(urgent) if urgent else None,
        urgent_service=settings.URGENT_SERVICE,
    )


def safety_stamp() -> list:
    """Everything above as plain text, for what must change when it does (the offline
    version)."""
    contacts = care_contacts()
    return [
        {name: [str(sign) for sign in signs] for name, signs in WARNING_SIGNS.items()},
        [contacts.emergency.number, contacts.department, contacts.urgent_service],
        contacts.urgent.number if contacts.urgent else "",
    ]
