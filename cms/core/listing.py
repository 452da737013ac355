"""Index pages whose list is narrowed by a validated query-string form."""

from django.core.paginator import EmptyPage, Page, Paginator
from django.http import Http404


def paginate(items, *, number: int | None, per_page: int) -> Page:
    """One page of `items`; a page number past the end is a 404, like any missing page."""
    try:
        return Paginator(items, per_page).page(number or 1)
    except EmptyPage as exc:
        if (number or 1) == 1:
            return Paginator(items, per_page, allow_empty_first_page=True).page(1)
        raise Http404("No such page of results.") from exc


class FilterableIndexMixin:
    """Validates the listing's filter form; invalid filter values answer 400 with the form's message.

    Subclasses set `filter_form_class` and implement `get_listing(form)`; templates get
    `filter_form`, `items` (a paginator page) and `active_filters`.
    """

    filter_form_class = None
    per_page = 12

    def get_filter_form(self, request):
        return self.filter_form_class(request.GET or None, page=self)

    def get_listing(self, *, filters: dict):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.get_filter_form(request)
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        listing = self.get_listing(filters={k: v for k, v in filters.items() if k != "page"})
        context["filter_form"] = form
        context["active_filters"] = {k: v for k, v in filters.items() if v and k != "page"}
        context["items"] = paginate(listing, number=filters.get("page"), per_page=self.per_page)
        return context

    @staticmethod
    def _status_from_form(response):
        form = getattr(response, "context_data", None) and response.context_data.get("filter_form")
        if form is not None and form.is_bound and form.errors:
            response.status_code = 400
        return response

    def serve(self, request, *args, **kwargs):
        return self._status_from_form(super().serve(request, *args, **kwargs))

    def index_route(self, request, *args, **kwargs):
        return self._status_from_form(super().index_route(request, *args, **kwargs))
