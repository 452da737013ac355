"""Styled error pages."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request context: the failure may lie in whatever builds it
    # (context processors, the database), and the page must still come out. Its one
    # `<style>` carries the response's CSP nonce (asking for it puts it in the header).
    nonce = str(getattr(request, "csp_nonce", ""))
    return HttpResponseServerError(loader.get_template("500.html").render({"csp_nonce": nonce}))
