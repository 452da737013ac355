"""What each Cordata model shows in the APIs: its `api_fields`, declared here, not in the model.

Wagtail reads a model's `api_fields` in both APIs; the content apps must not import this
package, so the declarations live here and `install()` assigns them from `APIConfig.ready()`.
That is early enough: Django imports every model before any `ready()` runs, and nothing reads
`api_fields` at model definition (not the admin, wagtail-localize or migrations; Wagtail's
checks neither). API v2 reads them per request. API v3's schemas are built once, when
`wagtail.api.v3`'s routers are first imported: `wagtail.documents`' `ready()` does it, so
`cms.api` comes before the Wagtail apps in INSTALLED_APPS, and `install()` refuses to run
after the schemas exist (they would silently lack every field below).

Each field's shape (relations, images, rich text, streams) is made in `cms.api.shapes`; the
order of the fields here is the order of the members in every response.
"""

import sys

from django.core.exceptions import ImproperlyConfigured
from wagtail.api import APIField
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page

from cms.api.shapes import (
    CountryCodeField,
    DocumentRefField,
    DocumentRefListField,
    GroupPlanField,
    ImageRefField,
    PageRefField,
    PageRefListField,
    RichTextHTMLField,
    StreamBlocksField,
    SummaryField,
    TagListField,
    TranslationListField,
)
from cms.groups.models import (
    PartnerIndexPage,
    PartnerPage,
    ThematicGroupIndexPage,
    ThematicGroupPage,
    WorkspacePage,
)
from cms.home.models import HomePage, PressReleaseIndexPage, PressReleasePage
from cms.knowledge.models import KnowledgeIndexPage, ProjectDocument, StrategicPlanPage

# Imported while Wagtail builds API v3's page and document schemas from `api_fields`.
V3_SCHEMA_MODULES = ("wagtail.api.v3.routers.pages", "wagtail.documents.api.v3.schemas")


def page_api_fields() -> list[APIField]:
    """The fields every Cordata page type exposes, before its own."""
    return [
        APIField("listing_summary", serializer=SummaryField()),
        APIField("listing_image", serializer=ImageRefField("listing_image")),
        APIField("translations", serializer=TranslationListField()),
    ]


def _intro_page_fields() -> list[APIField]:
    return [*page_api_fields(), APIField("intro", serializer=RichTextHTMLField("intro"))]


def model_api_fields() -> dict[type[Page | AbstractDocument], list[APIField]]:
    """Every model the APIs show, with its fields (fresh field instances on each call)."""
    return {
        HomePage: _intro_page_fields(),
        PressReleaseIndexPage: _intro_page_fields(),
        PressReleasePage: [
            *page_api_fields(),
            APIField("date"),
            APIField("lead"),
            APIField("body", serializer=StreamBlocksField("body")),
            APIField("tags", serializer=TagListField()),
            APIField("related_groups", serializer=PageRefListField("related_groups", "group")),
            APIField(
                "related_partners", serializer=PageRefListField("related_partners", "partner")
            ),
            APIField("attachments", serializer=DocumentRefListField("attachments", "document")),
            APIField("contact"),
        ],
        PartnerIndexPage: _intro_page_fields(),
        PartnerPage: [
            *page_api_fields(),
            APIField("short_name"),
            APIField("kind"),
            APIField("project_role"),
            APIField("country", serializer=CountryCodeField("country")),
            APIField("region"),
            APIField("city"),
            APIField("website"),
            APIField("logo", serializer=ImageRefField("logo")),
            APIField("description", serializer=RichTextHTMLField("description")),
            APIField("groups", serializer=PageRefListField("memberships", "page", by_path=True)),
        ],
        ThematicGroupIndexPage: [
            *_intro_page_fields(),
            APIField("coordinator", serializer=PageRefField("coordinator")),
        ],
        ThematicGroupPage: [
            *page_api_fields(),
            APIField("sector"),
            APIField("objectives", serializer=RichTextHTMLField("objectives")),
            APIField(
                "coordinators", serializer=PageRefListField("memberships", "partner", "coordinator")
            ),
            APIField(
                "supporters", serializer=PageRefListField("memberships", "partner", "support")
            ),
            APIField("members", serializer=PageRefListField("memberships", "partner", "member")),
            APIField("activities", serializer=StreamBlocksField("activities")),
            APIField("plan", serializer=GroupPlanField()),
        ],
        WorkspacePage: _intro_page_fields(),
        ProjectDocument: [
            APIField("description"),
            APIField("language"),
            APIField("kind"),
            APIField("thematic_group", serializer=PageRefField("thematic_group")),
            APIField("file_extension"),
            APIField("file_size"),
            APIField("created_at"),
        ],
        KnowledgeIndexPage: _intro_page_fields(),
        StrategicPlanPage: [
            *page_api_fields(),
            APIField("group", serializer=PageRefField("group")),
            APIField("status"),
            APIField("version"),
            APIField("adopted_on"),
            APIField("summary"),
            APIField("sections", serializer=StreamBlocksField("sections")),
            APIField("attachment", serializer=DocumentRefField("attachment")),
        ],
    }


def install() -> None:
    """Set each model's `api_fields`; before API v3's schemas are built (see above)."""
    built = [name for name in V3_SCHEMA_MODULES if name in sys.modules]
    if built:
        raise ImproperlyConfigured(
            f"{', '.join(built)} was imported before cms.api set the models' api_fields, so "
            "API v3's schemas would lack them: list cms.api before the Wagtail apps in "
            "INSTALLED_APPS."
        )
    for model, fields in model_api_fields().items():
        model.api_fields = fields
