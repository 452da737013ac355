"""Responses for one person only: `private` is `cms.core.response_policy.mark_private`.

Kept for the callers that still import it from here; new code calls the policy module.
"""

from .response_policy import mark_private as private

__all__ = ["private"]
