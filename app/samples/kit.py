"""A consistent application kit: every document of one fictional enterprise and its people.

The licence names the legal representative whose ID card is in the kit; the administrator is
a different person with their own card and a photo holding it; both letters are signed by the
enterprise a couple of weeks before `today` and every document carries its red seal. So a
newcomer (the demo, `scripts/make_samples.py`) can prepare complete general and 400-number
applications from generated images alone. `Kit` carries the truth, for tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from app.samples.documents import (
    CAPITALS,
    corner_stamp,
    draw_id_emblem,
    draw_id_portrait,
    draw_letter,
    draw_license,
    stamp,
)
from app.samples.identities import (
    LONG_TERM,
    CardValidity,
    Enterprise,
    Person,
    day_between,
    random_enterprise,
    random_person,
)

KIT_FILES = {  # document -> file name in the kit folder
    "business_license": "business_license.jpg",
    "legal_rep_id_portrait": "legal_rep_id_portrait_side.jpg",
    "legal_rep_id_emblem": "legal_rep_id_emblem_side.jpg",
    "admin_id_portrait": "admin_id_portrait_side.jpg",
    "admin_id_emblem": "admin_id_emblem_side.jpg",
    "admin_holding_id": "admin_holding_id.jpg",
    "commitment_letter": "commitment_letter.jpg",
    "application_letter": "application_letter.jpg",
}
JPEG_QUALITY = 90
# Where the seal goes, clear of the text a reader needs: over the photo box of the portrait
# side, in the free right part of the emblem side, below a letter's date (the licence keeps
# the corner seal of `make_sample`).
PORTRAIT_SEAL, EMBLEM_SEAL, LETTER_SEAL = ((820, 250), 125), ((865, 470), 110), ((960, 1600), 140)


@dataclass(frozen=True)
class Kit:
    """Where the kit was written and what its documents say."""

    folder: Path
    enterprise: Enterprise  # its legal_rep_name is legal_rep.name
    legal_rep: Person
    legal_rep_card: CardValidity
    admin: Person
    admin_card: CardValidity
    admin_phone: str
    commitment_date: date
    application_date: date

    def path(self, document: str) -> Path:
        """The file of `document` (a key of KIT_FILES)."""
        return self.folder / KIT_FILES[document]

    @property
    def files(self) -> list[Path]:
        return [self.folder / name for name in KIT_FILES.values()]


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _card(rng: random.Random, person: Person, today: date, years: int) -> CardValidity:
    """A card issued in the holder's city, at least a few years from expiring on `today`."""
    start = day_between(rng, _plus_years(today, -(years - 4)), today - timedelta(days=120))
    return CardValidity(person.authority, start, _plus_years(start, years).isoformat())


def _people(rng: random.Random, today: date) -> tuple[Person, Person]:
    born_from, born_to = date(today.year - 60, 1, 1), date(today.year - 25, 12, 31)
    legal_rep = random_person(rng, born_from, born_to)
    admin = random_person(rng, born_from, born_to)
    while admin.name == legal_rep.name or admin.id_number == legal_rep.id_number:
        admin = random_person(rng, born_from, born_to)
    return legal_rep, admin


def _enterprise(rng: random.Random, legal_rep: Person, today: date) -> Enterprise:
    drawn = random_enterprise(rng)
    established = day_between(rng, _plus_years(today, -15), today - timedelta(days=365))
    end = LONG_TERM if rng.random() < 0.5 else _plus_years(established, 30).isoformat()
    return replace(drawn, legal_rep_name=legal_rep.name, established=established.isoformat(),
                   term_end=end)


def draw_holding_photo(card: Image.Image) -> Image.Image:
    """A person (head, neck, shoulders, hands) holding `card` in front of their chest."""
    img = Image.new("RGB", (900, 1200), (216, 212, 204))
    d = ImageDraw.Draw(img)
    skin, shirt, hair = (226, 190, 160), (62, 96, 140), (40, 34, 30)
    d.rectangle((0, 880, 900, 1200), fill=(186, 180, 170))  # desk
    d.rounded_rectangle((170, 520, 730, 1200), radius=140, fill=shirt)  # torso
    d.rectangle((405, 400, 495, 540), fill=skin)  # neck
    d.ellipse((300, 120, 600, 480), fill=skin)  # face
    d.chord((290, 100, 610, 380), 180, 360, fill=hair)
    for eye_x in (395, 505):
        d.ellipse((eye_x - 14, 280, eye_x + 14, 300), fill=hair)
    d.arc((410, 340, 490, 400), 20, 160, fill=(150, 70, 70), width=6)  # smile
    held = card.resize((560, 353), Image.LANCZOS)
    img.paste(held, (170, 640))
    for hand_x in (150, 690):  # thumbs and fingers over the card's lower corners
        d.ellipse((hand_x, 900, hand_x + 70, 1010), fill=skin)
    return img


def _save(img: Image.Image, path: Path) -> None:
    img.save(path, "JPEG", quality=JPEG_QUALITY)


def write_application_kit(folder: Path, seed: int, today: date) -> Kit:
    """Draw one enterprise's documents into `folder` (created) as the KIT_FILES JPEGs.
    Deterministic from `seed` and `today`; needs a CJK font (`find_cjk_font`)."""
    rng = random.Random(f"kit:{seed}")
    legal_rep, admin = _people(rng, today)
    legal_rep_card, admin_card = _card(rng, legal_rep, today, 20), _card(rng, admin, today, 10)
    enterprise = _enterprise(rng, legal_rep, today)
    phone = f"+86139{rng.randint(0, 99999999):08d}"
    signed = {"commitment_letter": today - timedelta(days=rng.randint(12, 16)),
              "application_letter": today - timedelta(days=rng.randint(10, 14))}
    seal = enterprise.name
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    licence = draw_license(enterprise, rng.choice(CAPITALS))
    corner_stamp(licence, seal)
    _save(licence, folder / KIT_FILES["business_license"])
    for role, person, card in (("legal_rep", legal_rep, legal_rep_card),
                               ("admin", admin, admin_card)):
        portrait = draw_id_portrait(person, rng.randint(9, 12), portrait=True)
        if role == "admin":  # the photo shows the original card, not the stamped copy
            _save(draw_holding_photo(portrait), folder / KIT_FILES["admin_holding_id"])
        stamp(portrait, *PORTRAIT_SEAL, seal)
        _save(portrait, folder / KIT_FILES[f"{role}_id_portrait"])
        emblem = draw_id_emblem(card)
        stamp(emblem, *EMBLEM_SEAL, seal)
        _save(emblem, folder / KIT_FILES[f"{role}_id_emblem"])
    for kind, day in signed.items():
        letter = draw_letter(kind, enterprise.name, day.isoformat(), pad=True)
        stamp(letter, *LETTER_SEAL, seal)
        _save(letter, folder / KIT_FILES[kind])
    return Kit(folder, enterprise, legal_rep, legal_rep_card, admin, admin_card, phone,
               signed["commitment_letter"], signed["application_letter"])
