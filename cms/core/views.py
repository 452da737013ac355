"""Styled error pages."""

from django.shortcuts import render


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request context: the failure may lie in whatever builds it.
    return render(request, "500.html", status=500)
