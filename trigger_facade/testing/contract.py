"""Check requests and responses against spec/openapi.yaml with openapi-core (a test dependency).

validator = ContractValidator.from_repo()   # finds spec/openapi.yaml of a source checkout
fake = FakeTrigger(validator=validator)     # every exchange is checked; a mismatch raises

The spec is not part of the wheel: this is a tool for a source checkout's test suite. The fake
itself never reads it. `from_repo(path)` takes the file explicitly; without one it looks at
$TRIGGER_FACADE_SPEC, then for spec/openapi.yaml above the working directory and above this file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx

SPEC_RELATIVE = Path("spec") / "openapi.yaml"
SPEC_ENV = "TRIGGER_FACADE_SPEC"
SERVER = "https://api.trigger.dev"
# traffic the spec does not describe on purpose: packet upload URLs, storage, the realtime feed
UNDESCRIBED_PREFIXES = ("/api/v2/packets/", "/__storage/", "/realtime/")


class ContractViolation(AssertionError):
    """An exchange that does not match the spec."""


class _Request:
    def __init__(self, request: httpx.Request) -> None:
        from openapi_core.datatypes import RequestParameters
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        self._request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )

    host_url = SERVER

    @property
    def path(self) -> str:
        return self._request.url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._request.content or None

    @property
    def content_type(self) -> str:
        return str(self._request.headers.get("content-type", "application/json")).split(";")[0]


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self.headers = response.headers

    @property
    def data(self) -> bytes:
        return self._response.content

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        value = str(self._response.headers.get("content-type", "application/json")).split(";")[0]
        # the server's 429 problem document is JSON; the spec types error bodies as JSON
        return "application/json" if value == "application/problem+json" else value


class ContractValidator:
    def __init__(self, spec: dict[str, Any]) -> None:
        from openapi_core import OpenAPI
        from openapi_schema_validator import OAS31Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        self._openapi = OpenAPI.from_dict(spec)
        registry: Registry[Any] = Registry().with_resource(
            "urn:spec", Resource.from_contents(spec, default_specification=DRAFT202012)
        )
        self._ndjson_line = OAS31Validator({"$ref": "urn:spec#/components/schemas/BatchItemNDJSON"}, registry=registry)
        self.checked = 0
        self.rejected = 0  # requests outside the spec that were (rightly) refused with a 4xx

    @classmethod
    def from_repo(cls, path: Path | None = None) -> ContractValidator:
        import yaml

        spec = path or find_spec()
        return cls(yaml.safe_load(spec.read_text(encoding="utf-8")))

    def __call__(self, request: httpx.Request, response: httpx.Response) -> None:
        if request.url.path.startswith(UNDESCRIBED_PREFIXES):
            return
        wrapped = _Request(request)
        try:
            if wrapped.content_type == "application/x-ndjson":
                # openapi-core cannot check a binary body; each line is checked against BatchItemNDJSON instead
                self._check_ndjson(request)
            else:
                self._openapi.validate_request(wrapped)
        except Exception as exc:
            # a request outside the spec is only acceptable when the server refused it
            if not 400 <= response.status_code < 500:
                raise ContractViolation(
                    f"request {request.method} {request.url.path} breaks the spec and was answered "
                    f"{response.status_code}: {_describe(exc)}"
                ) from exc
            self.rejected += 1
        try:
            self._openapi.validate_response(wrapped, _Response(response))
        except Exception as exc:
            if type(exc).__name__ in OUTSIDE_SPEC and 400 <= response.status_code < 500:
                return  # a path or method the spec does not have, refused: nothing to check the answer against
            raise ContractViolation(
                f"response {response.status_code} to {request.method} {request.url.path} breaks the spec: "
                f"{_describe(exc)}; body={response.content[:500]!r}"
            ) from exc
        self.checked += 1

    def _check_ndjson(self, request: httpx.Request) -> None:
        import json

        for number, line in enumerate(request.content.decode().splitlines()):
            errors = sorted(self._ndjson_line.iter_errors(json.loads(line)), key=str)
            if errors:
                raise ValueError(f"NDJSON line {number}: {errors[0].message[:300]}")


OUTSIDE_SPEC = {"PathNotFound", "OperationNotFound"}


def find_spec() -> Path:
    """spec/openapi.yaml of a source checkout, or a FileNotFoundError saying where it looked."""
    candidates = [Path(os.environ[SPEC_ENV])] if os.environ.get(SPEC_ENV) else []
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        candidates.extend(folder / SPEC_RELATIVE for folder in (start, *start.parents))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"spec/openapi.yaml not found (looked at ${SPEC_ENV} and above the working directory); "
        "the contract check needs a source checkout: pass ContractValidator.from_repo(path)"
    )


def _describe(exc: Exception) -> str:
    causes = [str(exc)]
    inner: BaseException | None = exc.__cause__
    while inner is not None:
        causes.append(str(inner))
        inner = inner.__cause__
    errors = getattr(exc, "schema_errors", None) or getattr(exc.__cause__, "schema_errors", None)
    if errors:
        causes.extend(str(e.message) for e in errors)
    return " | ".join(cause[:300] for cause in causes)
