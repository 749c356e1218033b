"""Public access tokens: the short-lived JWTs a backend hands to a browser (`@trigger.dev/react-hooks`).

The official SDK signs them itself with the environment's root secret key, after one call that
returns the claims `{sub, pub}`; additional keys (`tr_<env>_sk_...`) ask the server to mint them.
This package holds the pure part: the scope vocabulary (checked before anything is signed), the
expiry grammar, the claims in the SDK's order and the HS256 signature, so a token made here is
byte for byte the one the SDK makes for the same input and clock. The HTTP calls belong to the client.

Scopes, as the SDK writes them (`action:resource[:id]`):

    {"read": {"runs": ["run_1", "run_2"]}}   -> read:runs:run_1, read:runs:run_2
    {"read": {"runs": True}}                  -> read:runs              (every run)
    {"read": {"all": True}}                   -> read:all               (every resource)
    {"read": {"tags": "user:1", "batch": "batch_1"}, "write": {"waitpoints": ["wp_1"]}}
    {"trigger": {"tasks": ["a", "b"]}, "batchTrigger": {"tasks": "a"}}
    ["read:runs:run_1", "write:inputStreams:run_1"]   (already flat)

Actions: read and write on runs, tasks, tags, batch, waitpoints, inputStreams, sessions (and all);
trigger and batchTrigger on tasks. False, None or an empty list grant nothing, as in the SDK. What
this refuses and the SDK lets through: an unknown action or resource, a bare action (`{"read":
True}` signs "read", which the server grants nothing for), ids that are not strings, and empty ids
(the SDK refuses those too; a flat "read:runs:" would even grant every run).

Expiry: a duration string in the SDK's grammar ("15m", "1h", "2 hours", "1.5h", "1y"; default
"15m"), seconds from now (int), a timedelta, or an aware datetime (absolute). A bare number means
seconds from now here, unlike the SDK (where it is a Unix time), so a number that looks like a Unix
time is refused: pass `datetime.fromtimestamp(t, UTC)` for that.
"""

from __future__ import annotations

from ..errors import PublicTokenError
from ._expiry import DEFAULT_EXPIRATION, Expiration, parse_time_span, resolve_expiration
from ._jwt import JWT_AUDIENCE, JWT_ISSUER, decode_and_verify, decode_unverified, sign_claims
from ._scopes import ACTIONS as ACTIONS
from ._scopes import READ_WRITE_RESOURCES as READ_WRITE_RESOURCES
from ._scopes import Scopes, flatten_scopes
from ._sdk_tokens import (
    create_batch_trigger_token,
    create_public_token,
    create_trigger_token,
    fallback_batch_token,
    fallback_run_token,
    fallback_token,
    fallback_waitpoint_token,
    parse_claims_header,
)
from ._server_requests import SERVER_MAX_LIFETIME as SERVER_MAX_LIFETIME
from ._server_requests import public_token_request, trigger_token_request
from ._signing_keys import can_self_sign, is_additional_api_key

__all__ = [
    "DEFAULT_EXPIRATION",
    "JWT_AUDIENCE",
    "JWT_ISSUER",
    "Expiration",
    "PublicTokenError",
    "Scopes",
    "can_self_sign",
    "create_batch_trigger_token",
    "create_public_token",
    "create_trigger_token",
    "decode_and_verify",
    "decode_unverified",
    "fallback_batch_token",
    "fallback_run_token",
    "fallback_token",
    "fallback_waitpoint_token",
    "flatten_scopes",
    "is_additional_api_key",
    "parse_claims_header",
    "parse_time_span",
    "public_token_request",
    "resolve_expiration",
    "sign_claims",
    "trigger_token_request",
]
