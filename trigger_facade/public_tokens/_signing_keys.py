"""Which secret keys may sign public tokens themselves: root keys yes, additional keys no."""

from __future__ import annotations

import re
from typing import Any

from ..errors import InvalidInputError

_ADDITIONAL_KEY = re.compile(r"tr_(dev|stg|prod|preview)_sk_[0-9a-zA-Z]{24}")


def is_additional_api_key(key: str) -> bool:
    """True for an additional secret key (`tr_<env>_sk_` + 24 letters or digits), which cannot self-sign."""
    return bool(_ADDITIONAL_KEY.fullmatch(key))


def check_signing_key(signing_key: Any) -> str:
    if not isinstance(signing_key, str) or not signing_key:
        raise InvalidInputError("signing_key must be the environment's secret key (a non-empty string)")
    if is_additional_api_key(signing_key):
        raise InvalidInputError(
            "an additional secret key (tr_<env>_sk_...) cannot sign public tokens: the server checks them "
            "with the environment's root key. Ask the server instead (POST /api/v1/auth/public-tokens)"
        )
    if signing_key.startswith("pk_") or signing_key.count(".") == 2:
        raise InvalidInputError("signing_key must be a secret key (tr_...), not a public key or a token")
    return signing_key


def can_self_sign(key: str) -> bool:
    """Whether `key` signs public tokens itself: an environment's root secret key (tr_dev_, tr_prod_...),
    not an additional key (tr_<env>_sk_...), a personal or organization token, or a public JWT."""
    return bool(re.match(r"tr_(dev|stg|prod|preview)_", key)) and not is_additional_api_key(key)
