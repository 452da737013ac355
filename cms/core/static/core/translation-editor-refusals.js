// wagtail-localize's translation editor reports "Server error" for any answer to a save but a
// 200 or a 201. Cordata refuses a string or an address that would break the page with a 400
// and its reason (cms/core/translation_admin.py); this shows that reason on the segment, the
// way the editor shows a stored string it cannot use. Nothing was saved either way.
(() => {
  const segmentSave = /\/localize\/translate\/\d+\/(strings|overrides)\/\d+\/edit\/$/;
  const fetchFromServer = window.fetch.bind(window);

  window.fetch = async (resource, options = {}) => {
    const response = await fetchFromServer(resource, options);
    const url = new URL(resource instanceof Request ? resource.url : resource, window.location.href);
    const method = (options.method || "GET").toUpperCase();
    if (response.status !== 400 || method !== "PUT" || !segmentSave.test(url.pathname)) {
      return response;
    }
    let refusal;
    try {
      refusal = await response.clone().json();
    } catch {
      return response;
    }
    if (!refusal || typeof refusal.message !== "string") {
      return response;
    }
    const typed = options.body instanceof FormData ? options.body.get("value") : null;
    const shown = {
      data: typed,
      error: refusal.message,
      comment: refusal.message,
      last_translated_by: null,
    };
    return new Response(JSON.stringify(shown), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  };
})();
