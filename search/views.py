"""The site search page: `/<lang>/search/?q=`."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from cms.core.pagination import paginate

from .backends import SearchUnavailable
from .forms import SearchForm
from .selectors import FACETS, search_items
from .text import SEARCH_LANGUAGES

FACET_TITLES = {
    "type": _("Type"),
    "group": _("Thematic group"),
    "country": _("Partner country"),
    "language": _("Language"),
    "year": _("Year"),
    "tag": _("Tag"),
}


def visitor_language() -> str:
    """The language the visitor reads the site in (the URL's prefix), as search understands it."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in SEARCH_LANGUAGES else settings.LANGUAGE_CODE


def _url_with(request, **changes) -> str:
    """This page's URL with some parameters replaced (None removes one), back on the first page."""
    params = request.GET.copy()
    params.pop("page", None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params.setlist(name, value if isinstance(value, list) else [value])
    return f"?{params.urlencode()}" if params else "?"


def _facet_panels(request, facets) -> list[dict]:
    panels = []
    for name in FACETS:
        selected = request.GET.getlist(name)
        values = []
        for value in facets.get(name, []):
            others = [item for item in selected if item.lower() != value.value.lower()]
            toggled = others if value.selected else [*selected, value.value]
            values.append(
                {
                    "facet": value,
                    "url": _url_with(request, **{name: toggled}),
                    "count_text": ngettext("%(count)s result", "%(count)s results", value.count)
                    % {"count": value.count},
                }
            )
        if values:
            panels.append({"name": name, "title": FACET_TITLES[name], "values": values})
    return panels


def search(request):
    """Searches pages and documents the visitor may see, in their language or in all of them."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "outcome": None, "results": None, "items": [], "unavailable": False}
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound:
        data = form.cleaned_data
        language = visitor_language()
        try:
            outcome = form.search(user=request.user, language=language)
        except SearchUnavailable:
            context["unavailable"] = True
            status = 503
        else:
            results = paginate(
                outcome.hits, number=data.get("page"), per_page=settings.CORDATA_SEARCH_PAGE_SIZE
            )
            panels = _facet_panels(request, outcome.facets)
            context.update(
                outcome=outcome,
                results=results,
                items=search_items(
                    results.object_list, query=outcome.query, language=language, request=request
                ),
                facet_panels=panels,
                active_filters=[
                    {"facet": value, "title": panel["title"], "url": entry["url"]}
                    for panel in panels
                    for entry in panel["values"]
                    if (value := entry["facet"]).selected
                ],
                order_urls={
                    "relevance": _url_with(request, order=None),
                    "date": _url_with(request, order="date"),
                },
                clear_filters_url=_url_with(request, **dict.fromkeys(FACETS)),
            )
    return TemplateResponse(request, "search/search.html", context, status=status)
