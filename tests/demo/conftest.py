"""The demo tests load the demo once per module (`tests/demo_loading.py`), with its files."""

import pytest


@pytest.fixture(autouse=True)
def _media_root():
    # The demo's files live in the test settings' media directory, loaded once per module.
    return None
