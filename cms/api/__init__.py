"""The public APIs: API v2 (`v2`, one WagtailAPIRouter) and API v3 (`v3`, a django-ninja API).

Both read through the same selectors (`selectors`) and shapes (`shapes`), refuse through the
same errors (`errors`), read tokens one way (`auth`) and share one caching policy (`http`);
`urls` is the URLconf the site includes. The package reads the content apps and `cms.core`;
they never import it.
"""
