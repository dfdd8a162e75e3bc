"""The errors of a call that got no usable answer: no answer at all (:func:`transport_error`),
or none within the operation's deadline (:func:`deadline_error`). Messages are redacted."""

from __future__ import annotations

from ..errors import DeadlineExceededError, TransportError
from . import deadline
from .advice import Advice
from .redact import Redactor
from .retry import is_idempotent

Last = tuple[str, bool]
"""(reason, ambiguous) of an attempt that failed."""

HELD_BACK: Last = ("held back by the API's rate limit (429), not sent", False)


def transport_error(
    base_url: str,
    method: str,
    path: str,
    last: Last,
    attempts: int,
    red: Redactor,
    advice: Advice,
) -> TransportError:
    reason, ambiguous = last
    where = f"{method} {path}"
    message = f"Could not reach Open Connectors at {base_url} ({where}): {reason}"
    if attempts > 1:
        message += f", after {attempts} attempts"
    message += "."
    if ambiguous:
        if is_idempotent(method):
            message += " Retry later, or raise openconnectors:timeout if the service is slow."
        else:
            message += f" The request was sent and may have taken effect: {advice.look_first}."
    else:
        message += (
            " Check openconnectors:baseUrl (OPENCONNECTORS_BASE_URL) and your network; the "
            "request was not sent."
        )
    return TransportError(red.redact(message), method=method, path=path, ambiguous=ambiguous)


def deadline_error(
    base_url: str, method: str, path: str, attempts: int, last: Last | None, red: Redactor
) -> DeadlineExceededError:
    budget = deadline.budget() or 0.0
    reason, ambiguous = last if last is not None else ("not sent", False)
    message = (
        f"{method} {path}: no clear answer from Open Connectors at {base_url} "
        f"within the operation deadline of {budget:g} s (openconnectors:operationTimeout); "
        f"{attempts} attempt{'s' if attempts != 1 else ''}, last: {reason}."
    )
    if ambiguous and not is_idempotent(method):
        message += " The request may have taken effect: look before retrying."
    return DeadlineExceededError(red.redact(message), method=method, path=path, ambiguous=ambiguous)
