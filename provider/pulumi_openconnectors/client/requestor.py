"""One API call, as every API area makes it: the request composed (URL, ``Authorization``,
JSON body), sent through the :class:`~.retry_loop.RetryLoop`, the answer read as JSON and,
for a typed call, validated into a model (:mod:`.responses`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

from ..errors import UnexpectedResponseError
from . import auth, responses
from .paths import Path
from .redact import Redactor
from .responses import M
from .retry_loop import Params, RetryLoop
from .settings import ClientSettings

if TYPE_CHECKING:
    from typing import Unpack  # Python 3.11; annotations are not evaluated at run time


class Sending(TypedDict, total=False):
    """What a call may send besides its method and path (:meth:`Requestor.exchange`)."""

    params: Params | None
    json_body: Any
    element_token: str | None


class Requestor:
    """Shared by every API area of one client. Thread-safe."""

    def __init__(self, loop: RetryLoop) -> None:
        self._loop = loop

    @property
    def settings(self) -> ClientSettings:
        return self._loop.settings

    @property
    def redactor(self) -> Redactor:
        """Every secret the client knows; an area adds each token and secret value it sees."""
        return self._loop.redactor

    def request(self, method: str, where: Path, **sending: Unpack[Sending]) -> Any:
        """One API call with retries, within the operation's deadline. Returns the parsed
        JSON body (None when empty)."""
        data, _headers = self.exchange(method, where, **sending)
        return data

    def exchange(
        self,
        method: str,
        where: Path,
        *,
        params: Params | None = None,
        json_body: Any = None,
        element_token: str | None = None,
    ) -> tuple[Any, Mapping[str, str]]:
        """:meth:`request`, also returning the answer's headers."""
        response, request_id = self._loop.send(
            method,
            where,
            params=params,
            data=None if json_body is None else json.dumps(json_body).encode("utf-8"),
            headers=self._headers(element_token, json_body is not None),
        )
        data = responses.json_body(response, method, where.text, request_id, self.redactor)
        return data, response.headers

    def call(self, model: type[M], method: str, where: Path, *, json_body: Any = None) -> M:
        """One API call whose answer is one ``model``, validated."""
        data = self.request(method, where, json_body=json_body)
        return self.parse(model, data, method, where)

    def parse(self, model: type[M], data: Any, method: str, where: Path) -> M:
        """``data`` (an answer, or an item of a list answer) validated as one ``model``."""
        return responses.parse(model, data, method, where.text, self.redactor)

    def as_list(self, data: Any, method: str, where: Path) -> list[Any]:
        """An answer that must be a JSON list."""
        return responses.as_list(data, method, where.text, self.redactor)

    def unexpected(self, method: str, where: Path, expected: str) -> UnexpectedResponseError:
        """The error for a success answer whose body is not ``expected``."""
        return responses.unexpected(method, where.text, 200, None, expected, self.redactor)

    def _headers(self, element_token: str | None, has_body: bool) -> dict[str, str]:
        s = self.settings
        headers = {
            "Authorization": auth.authorization(
                user_secret=s.user_secret,
                organization_secret=s.organization_secret,
                bearer_token=s.bearer_token,
                element_token=element_token,
            )
        }
        if has_body:
            headers["Content-Type"] = "application/json"
        return headers


class Area:
    """An API area (:mod:`.elements`, :mod:`.instances`, ...): its calls over the client's one
    :class:`Requestor`."""

    def __init__(self, api: Requestor) -> None:
        self._api = api
