"""What a PO file offers a translator: text only, never a date, number, URL, code or choice."""

import datetime
import re

import polib
import wagtail_factories
from django.core.validators import URLValidator
from django.db import models
from django_countries import countries
from wagtail import blocks
from wagtail.rich_text import RichText
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation
from wagtail_localize.strings import StringValue

from tests.factories import (
    PartnerPageFactory,
    PressReleasePageFactory,
    ProjectDocumentFactory,
    StrategicPlanPageFactory,
)
from tests.translating import translation_of

DATE_PATTERNS = (
    r"\d{4}-\d{2}-\d{2}",
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}",
    r"\d{1,2} \w+ \d{4}",
)
NUMBER = re.compile(r"[\d\s.,%+\-–]+")
DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?")


def _is_url(text: str) -> bool:
    try:
        URLValidator()(text)
    except Exception:
        return bool(DOMAIN.fullmatch(text)) and " " not in text
    return True


def _field_facts(page) -> set[str]:
    """Values of the page's synchronised fields and choice fields, as text."""
    facts = set()
    for declared in get_translatable_fields(type(page)):
        field = declared.get_field(type(page))
        if isinstance(declared, SynchronizedField) and field.concrete:
            value = field.value_from_object(page)
            if value not in (None, ""):
                facts.add(str(value))
    for field in type(page)._meta.concrete_fields:
        if getattr(field, "choices", None):
            facts.update(str(value) for value, _label in field.flatchoices)
    return facts


def _block_facts(block, value) -> set[str]:
    """Values of non-text blocks inside a stream value: dates, choices, URLs, chosen pages."""
    facts: set[str] = set()
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            facts |= _block_facts(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            facts |= _block_facts(block.child_block, item)
    elif isinstance(block, blocks.StructBlock) and hasattr(value, "items"):
        for name, child_value in value.items():
            facts |= _block_facts(block.child_blocks[name], child_value)
    elif isinstance(block, blocks.ChoiceBlock):
        facts.update(str(choice) for choice, _label in block.field.choices if choice)
    elif isinstance(block, blocks.DateBlock | blocks.URLBlock) and value:
        facts.add(str(value))
    elif isinstance(block, blocks.PageChooserBlock) and value is not None:
        facts.update({str(value.pk), value.url_path})
    return facts


def _stream_facts(page) -> set[str]:
    facts: set[str] = set()
    for field in type(page)._meta.concrete_fields:
        if field.get_internal_type() == "StreamField" or hasattr(field, "stream_block"):
            facts |= _block_facts(field.stream_block, field.value_from_object(page))
    return facts


def assert_text_only(po: polib.POFile, page) -> None:
    facts = _field_facts(page) | _stream_facts(page)
    for entry in po:
        text = StringValue(entry.msgid).render_text().strip()
        where = f"{type(page).__name__} {page.title!r}, {entry.msgctxt}: {text!r}"
        assert text, where
        assert not any(re.fullmatch(p, text) for p in DATE_PATTERNS), f"a date: {where}"
        assert not NUMBER.fullmatch(text), f"a number: {where}"
        assert not _is_url(text), f"a URL: {where}"
        assert not (len(text) == 2 and text.isupper() and text in countries), f"a country: {where}"
        # A slug is the title made into a URL step; "ict" may equal a sector code by chance.
        if entry.msgctxt != "slug":
            assert text not in facts, f"a synchronised or choice value: {where}"


def download_po(client, translation: Translation) -> polib.POFile:
    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    return polib.pofile(response.content.decode())


def test_every_kind_of_block_offers_only_its_text(site_tree, en):
    """A page using every block, with facts that look like text, exports text only."""
    partner = PartnerPageFactory(title="Agenzia Alfa", short_name="AA", website="https://alfa.eu/")
    image = wagtail_factories.ImageFactory(title="Foto")
    document = ProjectDocumentFactory(title="Verbale")
    release = PressReleasePageFactory(
        date=datetime.date(2012, 5, 16),
        lead="Visita studio a Stoccarda.",
        body=[
            ("heading", {"text": "Il programma", "level": "h3"}),
            ("paragraph", RichText('<p>Vedi <a href="https://example.org/x">il sito</a>.</p>')),
            ("quote", {"quote": "Una giornata utile.", "attribution": "Un partecipante"}),
            (
                "image",
                {
                    "image": {
                        "image": image,
                        "alt_text": "Il gruppo in visita",
                        "decorative": False,
                    },
                    "caption": "Stoccarda, 16 maggio",
                },
            ),
            ("embed", "https://www.youtube.com/watch?v=abc"),
            ("document", {"document": document, "label": "Il verbale"}),
        ],
    )
    plan = StrategicPlanPageFactory(
        version="1.2",
        sections=[
            (
                "action",
                {
                    "title": "Mappatura",
                    "description": RichText("<p>Una mappa.</p>"),
                    "owner": partner,
                    "start": datetime.date(2012, 3, 1),
                    "end": datetime.date(2012, 9, 30),
                    "indicators": ["Imprese mappate", "Rapporto pubblicato"],
                },
            )
        ],
    )
    offered = {}
    for page in (release, plan, partner):
        po = translation_of(page).export_po()
        assert_text_only(po, page)
        offered[type(page).__name__] = {entry.msgid for entry in po}
    assert {"Il programma", "Una giornata utile.", "Il gruppo in visita", "Il verbale"} <= offered[
        "PressReleasePage"
    ]
    assert {'Vedi <a id="a1">il sito</a>.', "Stoccarda, 16 maggio"} <= offered["PressReleasePage"]
    assert {"Imprese mappate", "Rapporto pubblicato"} <= offered["StrategicPlanPage"]
    assert not {"AA", "https://alfa.eu/", "IT"} & offered["PartnerPage"]
    assert "1.2" not in offered["StrategicPlanPage"]
    # Every model with choices keeps them out: the heading level is not offered.
    assert "h3" not in offered["PressReleasePage"]
    assert all(isinstance(f, models.Field) for f in type(plan)._meta.concrete_fields)
