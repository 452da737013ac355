"""Template tags of the groups' pages: a thematic group's partners by role.

What the visitor may see is decided by `cms.core.privacy`, through the inline relations'
helper of the site's tags (`cordata_tags.visible_relation_targets`).
"""

from django import template

from cms.core.templatetags.cordata_tags import visible_relation_targets

from ..models import MembershipRole, PartnerPage

register = template.Library()


@register.simple_tag(takes_context=True)
def group_partners(context, group) -> dict[str, list]:
    """A thematic group's visible partners by role: `coordinators`, `supporters`, `members`."""
    by_role: dict[str, list[PartnerPage]] = {
        MembershipRole.COORDINATOR: [],
        MembershipRole.SUPPORT: [],
        MembershipRole.MEMBER: [],
    }
    for row, partner in visible_relation_targets(
        context, group, "memberships", "partner", PartnerPage
    ):
        by_role.setdefault(row.role, []).append(partner)
    return {
        "coordinators": by_role[MembershipRole.COORDINATOR],
        "supporters": by_role[MembershipRole.SUPPORT],
        "members": by_role[MembershipRole.MEMBER],
    }
