"""Admin and serving hooks for workspaces and partner accounts."""

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from cms.core.throttle import EmailAction, Scope, email_limit

from .forms import PartnerAccountForm, PartnerInviteForm
from .models import PartnerAccount, ThematicGroupPage, WorkspacePage
from .selectors.workspaces import workspace_may_enter
from .services.invitations import partner_invite
from .services.workspaces import workspace_ensure
from .views import workspace_closed


@hooks.register("before_serve_page")
def keep_workspaces_private(page, request, serve_args, serve_kwargs):
    """Answer for a workspace someone may not enter, before Wagtail's own restriction check.

    Visitors are sent to the site's sign-in page (Wagtail's admin login otherwise), and
    signed-in partners of other groups get a 403 saying whose workspace it is (Wagtail would
    send them back to log in).
    """
    if isinstance(page, WorkspacePage) and not workspace_may_enter(
        workspace=page, user=request.user
    ):
        return workspace_closed(request, workspace=page)
    return None


@hooks.register("after_copy_page")
def give_copied_groups_a_workspace(request, page, new_page):
    """A thematic group copied in the admin gets its workspace once the copy is complete."""
    new_page = new_page.specific
    if isinstance(new_page, ThematicGroupPage) and new_page.live:
        workspace_ensure(group=new_page)


class PartnerInviteView(CreateView):
    """Creates a partner's account and emails them a link to choose their password.

    Invitations are limited per client address and per invited address (`cms.core.throttle`):
    past either limit the form says so and nothing is created or sent.
    """

    page_title = _("Invite a partner")
    submit_button_label = _("Send the invitation")
    submit_button_active_label = _("Sending…")
    success_message = _(
        "%(object)s has been invited: an email with a set-password link is on its way."
    )

    def get_page_subtitle(self):
        return self.page_title

    def get_panel(self):
        return None

    def get_form_class(self):
        return PartnerInviteForm

    def save_instance(self):
        data = self.form.cleaned_data
        return partner_invite(
            email=data["email"],
            partner=data["partner"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language=data["language"],
            invited_by=self.request.user,
            base_url=self.request.build_absolute_uri("/"),
        )

    def form_valid(self, form):
        limited = email_limit(
            request=self.request,
            action=EmailAction.INVITATION,
            recipient=form.cleaned_data["email"],
        )
        if limited is not None:
            if limited.scope is Scope.ACCOUNT:
                form.add_error(
                    "email", _("This address has been sent too many invitations. Try again later.")
                )
            else:
                form.add_error(
                    None,
                    _("Too many invitations have been sent from your connection. Try again later."),
                )
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        try:
            return super().form_valid(form)
        except ValidationError as error:
            # The address was taken between the form's check and the save.
            form.add_error("email", error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class PartnerAccountViewSet(ModelViewSet):
    """Partner accounts in the admin settings: the list, invitations, and which partner a
    person works for (changing it moves them between the groups' workspaces)."""

    model = PartnerAccount
    icon = "group"
    add_to_settings_menu = True
    menu_label = _("Partner accounts")
    list_display = ["user", "partner", "invited_at"]
    list_filter = ["partner"]
    add_view_class = PartnerInviteView
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return PartnerAccountForm if for_update else PartnerInviteForm


partner_account_viewset = PartnerAccountViewSet("partner_accounts")


@hooks.register("register_admin_viewset")
def register_partner_accounts():
    return partner_account_viewset


@hooks.register("register_permissions")
def register_partner_account_permissions():
    return Permission.objects.filter(
        content_type__app_label="groups", codename__endswith="_partneraccount"
    )
