"""Base classes of the models at the API boundary.

Responses accept camelCase or snake_case names and keep fields the model does not declare
(``extra="allow"``): the real API returns more than we use. Requests are frozen, forbid unknown
fields and produce the documented JSON with ``to_body()``. No model shows its input in a
validation error (``hide_input_in_errors``), so secrets never reach an error message.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ResponseModel(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, hide_input_in_errors=True)


class RequestModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, frozen=True, hide_input_in_errors=True
    )
