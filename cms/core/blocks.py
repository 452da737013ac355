"""Stream blocks shared by every page type (one definition each)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock as WagtailImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline logical (h2 under the page's h1)."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    """A pull quote with its attribution."""

    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"


class ImageBlock(blocks.StructBlock):
    """An image with its alt text (from Wagtail's image block) and an optional caption."""

    image = WagtailImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        rendition = image.get_rendition("max-1200x1200")
        return {
            "id": image.id,
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": rendition.alt,
            "caption": value["caption"],
        }


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document from the library, with an optional label."""

    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("label"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of an article-like page."""

    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow"
    )
    heading = HeadingBlock(label=_("heading"))
    quote = QuoteBlock(label=_("quote"))
    image = ImageBlock(label=_("image"))
    embed = EmbedBlock(label=_("embed"), icon="media")
    document = DocumentLinkBlock(label=_("document link"))


class ActivityBlock(blocks.StructBlock):
    """A group activity (exchange forum, study visit, web or multimedia tool) with date and place."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    date = blocks.DateBlock(label=_("date"))
    place = blocks.CharBlock(label=_("place"), max_length=200, required=False)
    description = blocks.RichTextBlock(label=_("description"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "date"
        template = "components/blocks/activity_block.html"


class ActivityStreamBlock(blocks.StreamBlock):
    """What a thematic group does together."""

    exchange_forum = ActivityBlock(label=_("exchange forum"))
    study_visit = ActivityBlock(label=_("study visit"))
    web_tool = ActivityBlock(label=_("web or multimedia tool"))


class ObjectiveBlock(blocks.StructBlock):
    """One objective of a strategic plan."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    description = blocks.RichTextBlock(label=_("description"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        template = "components/blocks/objective_block.html"


class ActionBlock(blocks.StructBlock):
    """One action of a strategic plan: who owns it, when it runs, how progress is measured."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    description = blocks.RichTextBlock(
        label=_("description"), features=RICH_TEXT_FEATURES, required=False
    )
    owner = blocks.PageChooserBlock(
        label=_("owner partner"), page_type="groups.PartnerPage", required=False
    )
    start = blocks.DateBlock(label=_("start"), required=False)
    end = blocks.DateBlock(label=_("end"), required=False)
    indicators = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("indicators"), default=[]
    )

    class Meta:
        icon = "tasks"
        template = "components/blocks/action_block.html"

    def get_context(self, value, parent_context=None):
        """Adds `owner`: the owning partner in the page's language, when the visitor may see it.

        The block stores the source-language partner; the page resolves the owners of all its
        actions at once (`action_owners` in its context) instead of one query per action.
        """
        context = super().get_context(value, parent_context=parent_context)
        owner = value.get("owner")
        owners = (parent_context or {}).get("action_owners")
        if owner is not None and owners is not None:
            owner = owners.get(owner.pk)
        context["owner"] = owner
        return context


class PlanSectionStreamBlock(blocks.StreamBlock):
    """The sections of a strategic plan."""

    objective = ObjectiveBlock(label=_("objective"))
    action = ActionBlock(label=_("action"))
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=RICH_TEXT_FEATURES, icon="pilcrow"
    )
