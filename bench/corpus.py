"""The benchmark corpus: thousands of press releases in Italian and English, more partners and
hundreds of documents with text, written on top of the demo site (`load_demo`).

Italian releases are created and published like an editor's (a revision each). A sample of
them is translated through wagtail-localize exactly as a translator would (source, strings,
publish); the rest get their English version by copying the page for translation with the
English text filled in, which yields the same rows (a live page in the English tree sharing
the Italian page's translation key) at a fraction of the cost. The search index and the
reference index follow the saves as they do in production.
"""

import datetime
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Collection, Locale
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from cms.core.models import TagTranslation
from cms.core.services import translation_save
from cms.groups.models import (
    MembershipRole,
    PartnerIndexPage,
    PartnerKind,
    PartnerPage,
    ThematicGroupMembership,
    ThematicGroupPage,
)
from cms.home.models import (
    PressReleaseDocument,
    PressReleaseGroup,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleasePartner,
)
from cms.knowledge.models import DocumentLanguage, ProjectDocument

from .corpus_text import (
    DOCUMENT_KINDS,
    TAGS,
    GroupNames,
    ReleaseText,
    document_text,
    release_text,
)

SEED = 20120116
#: Commits every this many pages: one long transaction would hold SQLite's lock for minutes.
BATCH = 100
FIRST_DAY = datetime.date(2011, 3, 1)

PARTNER_PLACES = (
    ("IT", "Lombardia", "Bergamo"),
    ("IT", "Emilia-Romagna", "Bologna"),
    ("DE", "Baden-Württemberg", "Karlsruhe"),
    ("AT", "Oberösterreich", "Wels"),
    ("SI", "Gorenjska", "Jesenice"),
    ("SK", "Trnava", "Trnava"),
    ("CZ", "Ústecký kraj", "Děčín"),
    ("PL", "Śląskie", "Katowice"),
    ("HU", "Közép-Dunántúl", "Székesfehérvár"),
)
PARTNER_NAMES = (
    "Cluster dell'innovazione",
    "Agenzia per l'energia",
    "Centro servizi alle imprese",
    "Parco scientifico",
    "Camera di commercio",
    "Consorzio turistico",
)


@dataclass(frozen=True)
class Sections:
    """The index pages the corpus writes under, in each language."""

    press_it: PressReleaseIndexPage
    press_en: PressReleaseIndexPage
    partners_it: PartnerIndexPage
    partners_en: PartnerIndexPage


@dataclass(frozen=True)
class Corpus:
    """What was built, for the report and for choosing the URLs to measure."""

    releases: int
    translated_through_localize: int
    partners: int
    documents: int


@contextmanager
def indexing_deferred() -> Iterator[None]:
    """Saves skip the search and reference indexes; both are rebuilt once afterwards.

    A page is saved several times on its way to being live (created, revised, published,
    copied), and indexing it at each save would triple the time the corpus takes.
    """
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def indexes_rebuild(*, log) -> None:
    """The search index and the reference index, rebuilt from what the corpus wrote."""
    log("  search index")
    call_command("update_index", verbosity=0)
    log("  reference index")
    call_command("rebuild_references_index", verbosity=0)


def _sections() -> Sections:
    italian, english = (
        Locale.objects.get(language_code="it"),
        Locale.objects.get(language_code="en"),
    )
    return Sections(
        press_it=PressReleaseIndexPage.objects.get(locale=italian),
        press_en=PressReleaseIndexPage.objects.get(locale=english),
        partners_it=PartnerIndexPage.objects.get(locale=italian),
        partners_en=PartnerIndexPage.objects.get(locale=english),
    )


def _groups() -> list[tuple[ThematicGroupPage, GroupNames]]:
    english = Locale.objects.get(language_code="en")
    groups = []
    for group in ThematicGroupPage.objects.filter(locale__language_code="it").order_by("path"):
        translation = group.get_translation_or_none(english)
        groups.append(
            (
                group,
                GroupNames(it=group.title, en=translation.title if translation else group.title),
            )
        )
    return groups


def tags_ensure() -> list[str]:
    """The corpus's tags (the demo's and some more), each with its English name."""
    for italian, english in TAGS:
        tag, _ = Tag.objects.get_or_create(name=italian, defaults={"slug": slugify(italian)})
        TagTranslation.objects.update_or_create(
            tag=tag, language_code="en", defaults={"name": english}
        )
    return list(
        Tag.objects.filter(translations__language_code="en")
        .order_by("name")
        .values_list("name", flat=True)
    )


def _publish_copy(page, *, parent, fields: dict) -> None:
    """The English version of `page` under `parent`: a live copy sharing its translation key."""
    page.copy(
        to=parent,
        update_attrs={"locale": parent.locale, **fields},
        copy_revisions=False,
        keep_live=True,
        reset_translation_key=False,
        log_action=None,
    )


def partners_add(*, count: int, sections: Sections, groups, rng: random.Random) -> int:
    """`count` more partners in both languages, each a member of one or two thematic groups."""
    kinds = list(PartnerKind.values)
    for start in range(0, count, BATCH):
        with transaction.atomic():
            for number in range(start, min(count, start + BATCH)):
                country, region, city = PARTNER_PLACES[number % len(PARTNER_PLACES)]
                name = f"{PARTNER_NAMES[number % len(PARTNER_NAMES)]} di {city} {number + 1}"
                description = (
                    f"<p>{name} sostiene le imprese della regione {region} nei progetti di "
                    "cooperazione transnazionale tra cluster.</p>"
                )
                partner = PartnerPage(
                    title=name,
                    slug=slugify(name),
                    short_name=f"P{number + 1:03d}",
                    kind=kinds[number % len(kinds)],
                    country=country,
                    region=region,
                    city=city,
                    website=f"https://partner{number + 1}.example.org/",
                    description=description,
                    listing_summary=f"Partner associato con sede a {city}.",
                )
                sections.partners_it.add_child(instance=partner)
                partner.save_revision().publish()
                for group, _names in rng.sample(groups, rng.randint(1, 2)):
                    ThematicGroupMembership.objects.create(
                        page=group,
                        partner=partner,
                        role=MembershipRole.MEMBER,
                        sort_order=100 + number,
                    )
                _publish_copy(
                    partner,
                    parent=sections.partners_en,
                    fields={
                        "description": description.replace(
                            "sostiene le imprese della regione",
                            "supports businesses in the region of",
                        ).replace(
                            "nei progetti di cooperazione transnazionale tra cluster",
                            "in transnational cluster cooperation projects",
                        ),
                        "listing_summary": f"Associated partner based in {city}.",
                    },
                )
    return count


def documents_add(*, count: int, groups, rng: random.Random, log) -> list[ProjectDocument]:
    """`count` plain-text documents in the public collection, their text extracted on save."""
    public = (
        Collection.objects.filter(name="Documenti pubblici").first()
        or Collection.get_first_root_node()
    )
    documents = []
    for start in range(0, count, BATCH):
        with transaction.atomic():
            for number in range(start, min(count, start + BATCH)):
                group, names = groups[number % len(groups)]
                language = DocumentLanguage.ITALIAN if number % 3 else DocumentLanguage.ENGLISH
                kind_it, kind_en, kind = DOCUMENT_KINDS[number % len(DOCUMENT_KINDS)]
                title_it = f"{kind_it} del gruppo {names.it} n. {number + 1}"
                title_en = f"{kind_en} of the {names.en} group no. {number + 1}"
                text = document_text(rng, number=number + 1, group=names, language=language)
                document = ProjectDocument(
                    title=title_it if language == DocumentLanguage.ITALIAN else title_en,
                    title_translations={"en": title_en},
                    collection=public,
                    language=language,
                    kind=kind,
                    thematic_group=group,
                    description=text.splitlines()[2][:300],
                )
                document.file.save(
                    f"bench-{number + 1:04d}.txt", ContentFile(text.encode()), save=False
                )
                document.save()
                documents.append(document)
        log(f"  documents: {min(count, start + BATCH)}/{count}")
    return documents


def _body(text: ReleaseText, *, column: int, document: ProjectDocument | None) -> list[dict]:
    raw = []
    for kind, italian, english in text.blocks:
        value = (italian, english)[column]
        if kind == "paragraph":
            raw.append({"type": "paragraph", "value": f"<p>{value}</p>"})
        elif kind == "heading":
            raw.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        elif kind == "quote":
            raw.append({"type": "quote", "value": {"quote": value[0], "attribution": value[1]}})
    if document is not None:
        label = ("Scarica il documento", "Download the document")[column]
        raw.append({"type": "document", "value": {"document": document.pk, "label": label}})
    return raw


def _stream(raw: list[dict]):
    return PressReleasePage._meta.get_field("body").stream_block.to_python(raw)


def _translate_through_localize(page: PressReleasePage, *, locale: Locale, strings: dict) -> None:
    """Publish the English version as a translator does: source, translated strings, publish."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        italian = segment.string.as_value().render_text()
        english = strings.get(italian, italian)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(english).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "Cordata benchmark",
            },
        )
    translation_save(translation=translation, publish=True)


def releases_add(
    *,
    count: int,
    sections: Sections,
    groups,
    partners: list[PartnerPage],
    documents: list[ProjectDocument],
    tags: list[str],
    translated_sample: int,
    rng: random.Random,
    log,
) -> int:
    """`count` Italian press releases, each published with an English version."""
    english = sections.press_en.locale
    through_localize = 0
    for start in range(0, count, BATCH):
        with transaction.atomic():
            for number in range(start, min(count, start + BATCH)):
                day = FIRST_DAY + datetime.timedelta(days=number * 1461 // max(count, 1))
                group, names = groups[number % len(groups)]
                partner, other = rng.sample(partners, 2)
                text = release_text(
                    rng,
                    number=number + 1,
                    day=day,
                    group=names,
                    city=partner.city or "Milano",
                    partner=partner.title,
                    other=other.title,
                )
                document = (
                    documents[number % len(documents)] if documents and number % 4 == 0 else None
                )
                page = PressReleasePage(
                    title=text.title[0],
                    slug=slugify(text.title[0])[:250],
                    date=day,
                    lead=text.lead[0],
                    body=_stream(_body(text, column=0, document=document)),
                    contact="Ufficio stampa Clusters Cord – stampa@clusterscord.example.org",
                    listing_summary=text.lead[0],
                )
                page.tags.set(rng.sample(tags, min(len(tags), rng.randint(1, 3))))
                page.related_groups.add(PressReleaseGroup(group=group))
                page.related_partners.add(PressReleasePartner(partner=partner))
                page.related_partners.add(PressReleasePartner(partner=other))
                if document is not None:
                    page.attachments.add(PressReleaseDocument(document=document))
                sections.press_it.add_child(instance=page)
                page.save_revision().publish()
                if number < translated_sample:
                    strings = text.strings()
                    strings.update(
                        {
                            partner.title: partner.title,
                            "Scarica il documento": "Download the document",
                        }
                    )
                    _translate_through_localize(page, locale=english, strings=strings)
                    through_localize += 1
                else:
                    _publish_copy(
                        page,
                        parent=sections.press_en,
                        fields={
                            "title": text.title[1],
                            "draft_title": text.title[1],
                            "slug": slugify(text.title[1])[:250],
                            "lead": text.lead[1],
                            "listing_summary": text.lead[1],
                            "body": _stream(_body(text, column=1, document=document)),
                            "contact": "Clusters Cord press office – press@clusterscord.example.org",
                        },
                    )
        log(f"  press releases: {min(count, start + BATCH)}/{count} (and their English versions)")
    return through_localize


def corpus_build(
    *,
    pages: int,
    partners: int = 40,
    documents: int = 500,
    translated_sample: int = 20,
    log: Callable[[str], None] = print,
) -> Corpus:
    """Adds the corpus to a database that holds the demo site."""
    rng = random.Random(SEED)
    sections = _sections()
    groups = _groups()
    tags = tags_ensure()
    with indexing_deferred():
        log(f"  partners: {partners} (and their English versions)")
        partners_add(count=partners, sections=sections, groups=groups, rng=rng)
        all_partners = list(
            PartnerPage.objects.filter(locale=sections.partners_it.locale).order_by("pk")
        )
        docs = documents_add(count=documents, groups=groups, rng=rng, log=log)
        sample = releases_add(
            count=pages,
            sections=sections,
            groups=groups,
            partners=all_partners,
            documents=docs,
            tags=tags,
            translated_sample=min(translated_sample, pages),
            rng=rng,
            log=log,
        )
    indexes_rebuild(log=log)
    return Corpus(
        releases=pages,
        translated_through_localize=sample,
        partners=len(all_partners),
        documents=ProjectDocument.objects.count(),
    )
