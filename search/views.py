"""The site search page."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from cms.core.privacy import visible_pages

from .forms import SearchForm


def search(request):
    """Searches the live pages of the visitor's language that the visitor may see."""
    form = SearchForm(request.GET or None)
    results = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            locale = Locale.objects.filter(language_code=get_language()).first()
            pages = visible_pages(Page.objects.filter(locale=locale), user=request.user)
            hits = pages.search(form.cleaned_data["q"])
            results = Paginator(hits, 10).get_page(form.cleaned_data.get("page") or 1)
        else:
            status = 400
    return render(request, "search/search.html", {"form": form, "results": results}, status=status)
