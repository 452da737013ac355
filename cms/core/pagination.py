"""How every list on the site is cut into pages: which page a number names, and which numbers
the pagination links show."""

from django.core.paginator import EmptyPage, Page, Paginator
from django.http import Http404

#: Page links shown on each side of the current page, and at each end of the range.
PAGES_AROUND_CURRENT = 2
PAGES_AT_ENDS = 1


def paginate(items, *, number: int | None, per_page: int) -> Page:
    """One page of `items`; a page number past the end is a 404, like any missing page."""
    try:
        return Paginator(items, per_page).page(number or 1)
    except EmptyPage as exc:
        if (number or 1) == 1:
            return Paginator(items, per_page, allow_empty_first_page=True).page(1)
        raise Http404("No such page of results.") from exc


def elided_page_range(items: Page) -> list:
    """Page numbers around the current one, with the paginator's ellipsis for the gaps."""
    return list(
        items.paginator.get_elided_page_range(
            items.number, on_each_side=PAGES_AROUND_CURRENT, on_ends=PAGES_AT_ENDS
        )
    )
