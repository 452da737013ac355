"""Strategic plans, the knowledge index and the project's document model."""

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.core import languages, translation
from cms.core.blocks import RICH_TEXT_FEATURES, PlanSectionStreamBlock
from cms.core.models import BasePage, ListingPage
from cms.core.searchable import Related, SearchDeclaration


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    ADOPTED = "adopted", _("Adopted")


class DocumentKind(models.TextChoices):
    DELIVERABLE = "deliverable", _("Deliverable")
    MINUTES = "minutes", _("Minutes")
    PRESENTATION = "presentation", _("Presentation")
    PLAN = "plan", _("Plan")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class DocumentLanguage(models.TextChoices):
    """Names for code that writes documents in a given language (the demo content, tests).

    The `language` field itself offers the configured languages (`document_language_choices`).
    """

    ITALIAN = "it", _("Italian")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Other / multilingual")


def document_language_choices() -> list[tuple[str, str | Promise]]:
    """A document's possible languages: the configured ones (`CORDATA_LANGUAGES`), then "other"."""
    return [(language.code, language.label) for language in languages.configured()] + [
        (DocumentLanguage.OTHER.value, DocumentLanguage.OTHER.label)
    ]


def document_language_codes() -> list[str]:
    return [code for code, _label in document_language_choices()]


class TextExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be read")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Text not readable")


class TextExtractionNote(models.TextChoices):
    """Why a document's text could not be read (or was cut): shown to editors and members."""

    TRUNCATED = "truncated", _("Only the beginning of the text is searchable: it is very long.")
    NO_TEXT = "no_text", _("The file contains no text that can be read (a scanned document?).")
    ENCRYPTED = "encrypted", _("The file is protected by a password.")
    CORRUPT = "corrupt", _("The file could not be read: it may be damaged.")
    UNSUPPORTED = "unsupported", _("Text is not read from files of this type.")
    MISSING_FILE = "missing_file", _("The file is missing from storage.")
    TIMEOUT = "timeout", _("Reading the text took longer than allowed.")
    MEMORY = "memory", _("Reading the text needed more memory than allowed.")
    TOO_MANY_PAGES = "too_many_pages", _("The PDF has more pages than are read.")
    ZIP_MEMBERS = "zip_members", _("The file is made of more parts than are read.")
    ZIP_SIZE = "zip_size", _("Unpacked, the file would be larger than is read.")
    ZIP_RATIO = "zip_ratio", _("The file is compressed far more than real documents are.")
    XML_DTD = "xml_dtd", _("The file declares XML entities or a DTD, which documents never need.")


class ProjectDocument(AbstractDocument):
    """A file in the project library, with the metadata partners filter by and its extracted text."""

    language = models.CharField(
        _("language"),
        max_length=8,
        # The choices are a callable, so that configuring another language needs no migration.
        # The default is the source language as a value (the API's schema shows it).
        choices=document_language_choices,
        default=languages.source_language(),
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=DocumentKind, default=DocumentKind.OTHER
    )
    thematic_group = models.ForeignKey(
        "groups.ThematicGroupPage",
        verbose_name=_("thematic group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    description = models.TextField(_("description"), blank=True)
    # Documents are shared by every locale; the title readers see follows their language
    # through `cms.core.translation.document_title`, edited in the document form.
    title_translations = models.JSONField(
        _("title in other languages"),
        blank=True,
        default=dict,
        help_text=_("The title by language code, for visitors reading in that language."),
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_status = models.CharField(
        _("text extraction"),
        max_length=16,
        choices=TextExtractionStatus,
        default=TextExtractionStatus.PENDING,
        editable=False,
    )
    text_note = models.CharField(
        _("text extraction note"),
        max_length=16,
        choices=TextExtractionNote,
        blank=True,
        editable=False,
    )

    admin_form_fields = Document.admin_form_fields + (
        "description",
        "language",
        "kind",
        "thematic_group",
    )

    search_declaration = SearchDeclaration(
        facets={
            "group": ("thematic_group_id",),
            "tag": (Related("taggit.TaggedItem", owner="object_id", value="tag_id", generic=True),),
        },
        date=("created_at",),
        summary=("description",),
    )
    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("language"),
        index.FilterField("kind"),
        index.FilterField("thematic_group"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        # Every path that saves a document (admin, uploads, API, commands) passes here, so the
        # stored text (and the search index built from it) always follows the file: a new or
        # replaced file is queued for reading once the row is saved.
        from .services import document_text_mark_pending, document_text_schedule

        update_fields = kwargs.get("update_fields")
        schedule = False
        if update_fields is None or "file" in update_fields:
            schedule = document_text_mark_pending(self)
            if schedule and update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *TEXT_FIELDS}
        stored = not self._state.adding and not kwargs.get("force_insert")
        if update_fields is None and not schedule and self.file and stored:
            # The text is the task's to write: an edit of an instance loaded before the task
            # stored it must not put the old (empty, pending) text back.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in TEXT_FIELDS
            ]
        super().save(*args, **kwargs)
        if schedule:
            document_text_schedule(document=self)

    @property
    def text_note_message(self) -> str:
        """What editors and members read about the text: why it is missing or cut."""
        return self.get_text_note_display() if self.text_note else ""


#: The fields the text extraction writes.
TEXT_FIELDS = ("extracted_text", "text_status", "text_note")


class KnowledgeIndexPage(ListingPage):
    """The knowledge base: the groups' strategic plans and the public document library."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = translation.KNOWLEDGE_INDEX_PAGE

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.StrategicPlanPage"]
    max_count_per_parent = 1

    # A plan per group, on one page, without filters; the newest documents follow them.
    items_context_name = "plans"

    class Meta:
        verbose_name = _("knowledge index")

    def listing_items(self, *, filters):
        from .selectors import strategic_plan_list

        return strategic_plan_list(locale=self.locale)

    def get_context(self, request, *args, **kwargs):
        from .selectors import public_document_list

        context = super().get_context(request, *args, **kwargs)
        context["documents"] = translation.localize_relations(
            public_document_list()[:50], "thematic_group", self.locale
        )
        return context


class StrategicPlanPage(BasePage):
    """A thematic group's strategic plan towards the transnational meta-cluster."""

    group = models.ForeignKey(
        "groups.ThematicGroupPage",
        verbose_name=_("thematic group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="strategic_plans",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus, default=PlanStatus.DRAFT
    )
    version = models.CharField(_("version"), max_length=20, default="0.1")
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    sections = StreamField(PlanSectionStreamBlock(), verbose_name=_("sections"), blank=True)
    attachment = models.ForeignKey(
        "knowledge.ProjectDocument",
        verbose_name=_("attached PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("group"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("version"), FieldPanel("adopted_on")]),
        FieldPanel("summary"),
        FieldPanel("sections"),
        FieldPanel("attachment"),
    ]
    search_declaration = SearchDeclaration(
        facets={"group": ("group_id",)},
        date=("adopted_on",),
        summary=("search_description", "listing_summary", "summary"),
        fallback_text="summary_text",
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("sections"),
        index.FilterField("status"),
        index.FilterField("group"),
    ]
    translatable_fields = translation.STRATEGIC_PLAN_PAGE

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("strategic plan")

    def get_context(self, request, *args, **kwargs):
        from .selectors import plan_action_owners

        context = super().get_context(request, *args, **kwargs)
        context["action_owners"] = plan_action_owners(
            plan=self, user=getattr(request, "user", None)
        )
        return context

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.status == PlanStatus.ADOPTED and not self.adopted_on:
            raise ValidationError({"adopted_on": _("An adopted plan needs its adoption date.")})
        if self.attachment_id and not self.attachment.file.name.lower().endswith(".pdf"):
            raise ValidationError({"attachment": _("The attached plan must be a PDF file.")})
