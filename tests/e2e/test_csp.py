"""Every page works under the strict Content Security Policy the accounts work will enforce: scripts
from this server only (no inline code), styles from it plus Plotly's inline styles, MapLibre's
worker from a blob, connections to this server only. docs/web.md names this policy."""

from __future__ import annotations

import pytest

STRICT_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
              "worker-src 'self' blob:; child-src blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
              "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
DRAWN = {"/": "[data-drawn='1']", "/plan": "[data-drawn='1']", "/infra": "[data-drawn='1']",
         "/energy": "#sweep .main-svg", "/economy": "#shift .main-svg"}


@pytest.mark.parametrize("path", list(DRAWN))
def test_page_works_under_a_strict_csp(page, path):
    def with_policy(route):
        if route.request.resource_type != "document":  # the policy rides on the page itself
            route.continue_()
            return
        answer = route.fetch()
        route.fulfill(response=answer, headers={**answer.headers, "content-security-policy": STRICT_CSP})

    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page.route("**/*", with_policy)
    page.goto(path)
    page.wait_for_selector(DRAWN[path])
    assert page.evaluate("() => window.__violations") == []
