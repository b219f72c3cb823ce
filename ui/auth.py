"""Staff sign-in: the password check, rate-limited failures and expiring sessions."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from datetime import UTC, datetime, timedelta

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from ui.logbook import Logbook

COOKIE = "verbatim_staff"
STAFF_USER = "staff"  # the HTTP Basic user name of the staff JSON API


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class StaffAuth:
    """Checks the staff password and keeps sessions (only their hashes, in the logbook).

    Failed attempts are limited per client and overall, in memory: the client's address is
    used for counting only and never stored.
    """

    def __init__(
        self,
        password: str,
        logbook: Logbook,
        *,
        lifetime: timedelta,
        per_client: str = "5/minute",
        overall: str = "30/minute",
    ) -> None:
        self._password = _digest(password)  # equal-length digests: compare_digest's best case
        self.logbook = logbook
        self.lifetime = lifetime
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._per_client: RateLimitItem = parse(per_client)
        self._overall: RateLimitItem = parse(overall)

    def password_matches(self, given: str, *, user: str = STAFF_USER) -> bool:
        """Constant-time comparison of the user name and password."""
        user_ok = hmac.compare_digest(_digest(user), _digest(STAFF_USER))
        return hmac.compare_digest(_digest(given), self._password) and user_ok

    def retry_after(self, client: str) -> int | None:
        """Seconds to wait when this client (or everyone) failed too often; None: may try."""
        waits = []
        for item, keys in ((self._per_client, ("staff", client)), (self._overall, ("staff",))):
            if not self._limiter.test(item, *keys):
                reset = self._limiter.get_window_stats(item, *keys).reset_time
                waits.append(max(1, int(reset - time.time()) + 1))
        return max(waits) if waits else None

    def note_failure(self, client: str) -> None:
        """Count a failed attempt."""
        self._limiter.hit(self._per_client, "staff", client)
        self._limiter.hit(self._overall, "staff")

    def sign_in(self) -> str:
        """A new session token (the cookie's value); only its hash is stored."""
        token = secrets.token_urlsafe(32)
        self.logbook.start_session(_token_hash(token), datetime.now(UTC) + self.lifetime)
        return token

    def signed_in(self, token: str | None) -> bool:
        """Whether a cookie's token is a live session."""
        return bool(token) and self.logbook.session_valid(_token_hash(token or ""))

    def sign_out(self, token: str | None) -> None:
        """End a session now."""
        if token:
            self.logbook.end_session(_token_hash(token))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
