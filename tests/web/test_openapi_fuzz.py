"""A short schemathesis run over the OpenAPI document: no input may cause a server error.

``make fuzz`` runs the same check for longer (TWITCHCARE_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from twitchcare.config import load_settings
from twitchcare.web import create_app

EXAMPLES = int(os.environ.get("TWITCHCARE_FUZZ_EXAMPLES", "8"))
_data_dir = Path(tempfile.mkdtemp(prefix="twitchcare-fuzz-"))
atexit.register(shutil.rmtree, _data_dir, ignore_errors=True)
_app = create_app(load_settings(data_dir=_data_dir))
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _app, headers={"host": "127.0.0.1"})


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=EXAMPLES <= 8,
)
def test_no_input_causes_a_server_error(case: Any) -> None:
    response = case.call(headers={"host": "127.0.0.1"})
    # the host check's refusal names the Host field (a body may echo the word "Host" itself)
    assert b'"field":"Host"' not in response.content[:200], "the request reached the host check"
    case.validate_response(response, checks=[not_a_server_error])
