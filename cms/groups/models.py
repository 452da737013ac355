"""Partners of the project and the thematic groups they work in."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.core import translation
from cms.core.blocks import RICH_TEXT_FEATURES, ActivityStreamBlock
from cms.core.models import BasePage, ListingPage
from cms.core.searchable import ITSELF, FacetFilter, Related, SearchDeclaration


class PartnerKind(models.TextChoices):
    DEVELOPMENT_AGENCY = "development_agency", _("Regional development agency")
    CHAMBER_OF_COMMERCE = "chamber_of_commerce", _("Chamber of commerce")
    RESEARCH_CENTRE = "research_centre", _("Research centre")
    CLUSTER_MANAGER = "cluster_manager", _("Cluster manager")
    OTHER = "other", _("Other")


class Sector(models.TextChoices):
    AGRI_FOOD = "agri_food", _("Agri-food")
    ENERGY_ENVIRONMENT = "energy_environment", _("Energy & environment")
    TOURISM = "tourism", _("Tourism")
    ICT = "ict", _("ICT")
    LIFE_SCIENCES = "life_sciences", _("Life sciences")


class MembershipRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    SUPPORT = "support", _("Supporting coordinator")
    MEMBER = "member", _("Member")


class ProjectRole(models.TextChoices):
    LEAD_PARTNER = "lead_partner", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated organisation")


class PartnerIndexPage(ListingPage):
    """The list of project partners, filterable by country and kind of organisation."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = translation.PARTNER_INDEX_PAGE

    parent_page_types = ["home.HomePage"]
    subpage_types = ["groups.PartnerPage"]
    max_count_per_parent = 1

    filter_form = "cms.groups.forms.PartnerFilterForm"
    per_page = 24

    class Meta:
        verbose_name = _("partner index")

    def listing_items(self, *, filters):
        from .selectors.partners import partner_list

        return partner_list(
            locale=self.locale, country=filters.get("country") or "", kind=filters.get("kind") or ""
        )


class PartnerPage(BasePage):
    """A partner organisation's profile: who they are, where, and which thematic groups they join."""

    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=PartnerKind)
    project_role = models.CharField(
        _("role in the project"),
        max_length=16,
        choices=ProjectRole,
        default=ProjectRole.PARTNER,
    )
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=120, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [
        FieldPanel("short_name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("project_role"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("city")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_declaration = SearchDeclaration(
        facets={
            "partner": (ITSELF,),
            "group": (
                Related("groups.ThematicGroupMembership", owner="partner_id", value="page_id"),
            ),
        },
        filters={
            "country": FacetFilter(
                source="partner",
                field="country",
                labels="cms.groups.selectors.partners.country_names",
            )
        },
        summary=("search_description", "listing_summary", "short_name", "city", "region"),
        fallback_text="summary_text",
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.SearchField("region"),
        index.SearchField("city"),
        index.FilterField("country"),
        index.FilterField("kind"),
        index.FilterField("project_role"),
    ]
    translatable_fields = translation.PARTNER_PAGE

    parent_page_types = ["groups.PartnerIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("partner")

    @cached_property
    def thematic_groups(self):
        """The groups this partner takes part in, derived from the groups' memberships."""
        from .selectors.partners import thematic_groups_of_partner

        return thematic_groups_of_partner(partner=self)

    @property
    def display_name(self) -> str:
        return self.short_name or self.title


class ThematicGroupIndexPage(ListingPage):
    """The five thematic groups of the project and the partner that leads the exchange between them."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    coordinator = models.ForeignKey(
        "groups.PartnerPage",
        verbose_name=_("overall coordinator"),
        help_text=_("The partner that directs the exchange work across all thematic groups."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("coordinator")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = translation.THEMATIC_GROUP_INDEX_PAGE

    parent_page_types = ["home.HomePage"]
    subpage_types = ["groups.ThematicGroupPage"]
    max_count_per_parent = 1

    # A handful of groups: one page, no filters.
    items_context_name = "groups"

    class Meta:
        verbose_name = _("thematic group index")

    def listing_items(self, *, filters):
        from .selectors.partners import thematic_group_list

        return thematic_group_list(locale=self.locale)


class ThematicGroupPage(BasePage):
    """A thematic group: its sector, objectives, coordinators and members, activities and plan."""

    sector = models.CharField(_("sector"), max_length=32, choices=Sector)
    objectives = RichTextField(_("objectives"), blank=True, features=RICH_TEXT_FEATURES)
    activities = StreamField(ActivityStreamBlock(), verbose_name=_("activities"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("sector"),
        FieldPanel("objectives"),
        InlinePanel("memberships", heading=_("Partners"), label=_("partner")),
        FieldPanel("activities"),
    ]
    search_declaration = SearchDeclaration(
        facets={
            "group": (ITSELF,),
            "partner": (
                Related("groups.ThematicGroupMembership", owner="page_id", value="partner_id"),
            ),
        },
        filters={
            "group": FacetFilter(
                source="group",
                field="translation_key",
                labels="cms.groups.selectors.partners.thematic_group_titles",
            )
        },
        summary=("search_description", "listing_summary", "objectives"),
        fallback_text="summary_text",
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("objectives"),
        index.SearchField("activities"),
        index.FilterField("sector"),
    ]
    translatable_fields = translation.THEMATIC_GROUP_PAGE

    parent_page_types = ["groups.ThematicGroupIndexPage"]
    subpage_types = ["groups.WorkspacePage"]

    class Meta:
        verbose_name = _("thematic group")

    def _partners(self, role: str):
        return [m.partner for m in self.memberships.all() if m.role == role and m.partner_id]

    @property
    def coordinators(self):
        return self._partners(MembershipRole.COORDINATOR)

    @property
    def supporters(self):
        return self._partners(MembershipRole.SUPPORT)

    @property
    def members(self):
        return self._partners(MembershipRole.MEMBER)

    def get_context(self, request, *args, **kwargs):
        from cms.knowledge.selectors import strategic_plan_for_group

        context = super().get_context(request, *args, **kwargs)
        # The plan the API names too, as this visitor may see it.
        context["strategic_plan"] = strategic_plan_for_group(
            group=self, user=getattr(request, "user", None)
        )
        return context


class ThematicGroupMembership(Orderable):
    """A partner's place in a thematic group: the one record both the group and the partner read."""

    page = ParentalKey(ThematicGroupPage, on_delete=models.CASCADE, related_name="memberships")
    partner = models.ForeignKey(
        PartnerPage, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MembershipRole, default=MembershipRole.MEMBER
    )

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["page", "partner"], name="unique_partner_per_group")
        ]


class WorkspacePage(RoutablePageMixin, BasePage):
    """A thematic group's private workspace: its working documents, for its members only.

    There is one per thematic group, created with the group's members group and document
    collection (see `services.workspaces.workspace_ensure`); a view restriction to that members group
    keeps the page, and the English version of it, private. Editors write the introduction;
    members list, upload and describe documents here.
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    # Set by the services, never in the page form: they tie the page to the group's access.
    members_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("members group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("document collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = translation.WORKSPACE_PAGE

    parent_page_types = ["groups.ThematicGroupPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("workspace")

    @path("")
    def documents_view(self, request):
        from .views import workspace_documents

        return workspace_documents(request, workspace=self)

    @path("upload/")
    def upload_view(self, request):
        from .views import workspace_upload

        return workspace_upload(request, workspace=self)

    @path("documents/<int:document_id>/")
    def document_edit_view(self, request, document_id: int):
        from .views import workspace_document_edit

        return workspace_document_edit(request, workspace=self, document_id=document_id)


class PartnerAccount(models.Model):
    """A partner's user account: the organisation a person works for.

    The thematic groups whose workspaces the person may enter follow from the partner's
    memberships (see `services.members_sync`); the partner is the Italian (source) page.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="partner_account",
    )
    partner = models.ForeignKey(
        PartnerPage, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="accounts"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner account")
        verbose_name_plural = _("partner accounts")
        ordering = ["partner__title", "user__email"]

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.partner.title})"
