"""Document titles and tags in the visitor's language."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.documents.forms import get_document_form

from cms.core.models import TagTranslation
from cms.core.translation import document_title, tag_name, tag_names
from cms.knowledge.admin_forms import ProjectDocumentForm
from cms.knowledge.models import ProjectDocument
from tests import html
from tests.factories import PressReleasePageFactory, ProjectDocumentFactory, publish
from tests.translating import translate


def test_document_title_falls_back_to_the_title(db):
    document = ProjectDocumentFactory(title="Verbale", title_translations={"en": "Minutes"})
    assert document_title(document, "en") == "Minutes"
    assert document_title(document, "it") == "Verbale"
    assert document_title(ProjectDocumentFactory(title="Rapporto"), "en") == "Rapporto"


def test_tag_names_fall_back_to_the_name(db):
    traced, other = Tag.objects.create(name="tracciabilità"), Tag.objects.create(name="cluster")
    TagTranslation.objects.create(tag=traced, language_code="en", name="traceability")
    assert tag_name(traced, "en") == "traceability"
    assert tag_name(traced, "it") == "tracciabilità"
    assert tag_name(other, "en") == "cluster"
    assert tag_names([traced, other], "en") == {traced.pk: "traceability", other.pk: "cluster"}


def test_a_tag_has_one_name_per_language(db):
    tag = Tag.objects.create(name="filiera")
    TagTranslation.objects.create(tag=tag, language_code="en", name="supply chain")
    with pytest.raises(IntegrityError), transaction.atomic():
        TagTranslation.objects.create(tag=tag, language_code="en", name="chain")


def test_the_document_form_edits_the_english_title(db):
    assert issubclass(get_document_form(ProjectDocument), ProjectDocumentForm)
    document = ProjectDocumentFactory(title="Verbale del forum")
    form_class = get_document_form(ProjectDocument)
    data = {
        "title": "Verbale del forum",
        "title_en": "Forum minutes",
        "collection": document.collection_id,
        "language": "it",
        "kind": "minutes",
        "description": "",
        "tags": "",
    }
    form = form_class(data=data, instance=document)
    assert form.is_valid(), form.errors
    form.save()
    document.refresh_from_db()
    assert document.title_translations == {"en": "Forum minutes"}
    form = form_class(data={**data, "title_en": " "}, instance=document)
    assert form.initial.get("title_en") or form.fields["title_en"].initial == "Forum minutes"
    assert form.is_valid(), form.errors
    form.save()
    document.refresh_from_db()
    assert document.title_translations == {}


def test_the_admin_document_form_shows_the_english_title(db, admin_client):
    document = ProjectDocumentFactory(title_translations={"en": "A report"})
    response = admin_client.get(f"/admin/documents/edit/{document.pk}/")
    assert response.status_code == 200
    assert 'name="title_en"' in response.content.decode()
    assert 'value="A report"' in response.content.decode()


def test_tag_translations_are_a_snippet(db, admin_client):
    TagTranslation.objects.create(
        tag=Tag.objects.create(name="turismo"), language_code="en", name="tourism"
    )
    response = admin_client.get("/admin/snippets/core/tagtranslation/")
    assert response.status_code == 200
    assert "tourism" in response.content.decode()


def _english_index_queries(client, index, english_index, count: int, start: int) -> int:
    tags = []
    for n in range(start, start + count):
        tag = Tag.objects.create(name=f"argomento {n}")
        TagTranslation.objects.create(tag=tag, language_code="en", name=f"topic {n}")
        tags.append(tag.name)
        release = PressReleasePageFactory(
            parent=index,
            title=f"Comunicato {n}",
            date=datetime.date(2012, 1, 1) + datetime.timedelta(days=n),
            tags=[tag.name],
        )
        translate(publish(release))
    client.get(english_index.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(english_index.url)
    text = html.text(response)
    for n in range(start, start + count):
        assert f"topic {n}" in text
        assert f"argomento {n}" not in text
    return len(captured.captured_queries)


def test_english_listings_show_english_tags_at_constant_cost(english_tree, client):
    index, english_index = english_tree.it.press_index, english_tree.en.press_index
    few = _english_index_queries(client, index, english_index, 1, start=0)
    many = _english_index_queries(client, index, english_index, 3, start=1)
    assert few == many


def test_english_pages_show_english_document_titles(english_tree, client):
    from tests.factories import PressReleaseDocumentFactory

    release = PressReleasePageFactory(parent=english_tree.it.press_index, title="Con allegato")
    PressReleaseDocumentFactory(
        page=release,
        document=ProjectDocumentFactory(
            title="Rapporto finale", title_translations={"en": "Final report"}
        ),
    )
    english = translate(publish(release))
    assert "Final report" in html.text(client.get(english.url))
    assert "Rapporto finale" in html.text(client.get(release.url))
