"""Platform API routes under /elements/api-v2."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from .auth import hub_credentials
from .catalog import Connector, all_connectors, find_connector
from .deps import AccountDep, AuthorizationDep, RuntimeDep
from .errors import ApiError
from .instances import (
    apply_patch,
    apply_put,
    check_bool,
    check_configuration,
    check_name,
    check_required_config,
    check_same_element,
    check_tags,
    connector_from_ref,
    new_token,
    now_iso,
    parse_json_object,
    provider_code,
    render,
)
from .oauth import authorize_url
from .runtime import Runtime
from .schemas import (
    Element,
    Empty,
    ErrorBody,
    Instance,
    InstanceCreateBody,
    InstanceUpdateBody,
    OAuthUrl,
    json_body,
)
from .settings import API_PREFIX, Account
from .store import InstanceRecord, NewInstance

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 404, 405, 415)
}

router = APIRouter(prefix=API_PREFIX, responses=_ERRORS)


def _connector(key_or_id: str) -> Connector:
    connector = find_connector(key_or_id)
    if connector is None:
        raise ApiError(404, "No element with that key or id")
    return connector


def _instance_connector(record: InstanceRecord) -> Connector:
    return _connector(record.element_key)


@router.get("/elements", response_model=list[Element], tags=["elements"])
async def list_elements(account: AccountDep) -> list[dict[str, Any]]:
    return [c.element_json() for c in all_connectors()]


@router.get("/elements/{keyOrId}", response_model=Element, tags=["elements"])
async def get_element(keyOrId: str, account: AccountDep) -> dict[str, Any]:
    return _connector(keyOrId).element_json()


@router.get("/elements/{keyOrId}/oauth/url", response_model=OAuthUrl, tags=["elements"])
async def oauth_url(
    keyOrId: str,
    request: Request,
    account: AccountDep,
    apiKey: str | None = None,
    apiSecret: str | None = None,
    callbackUrl: str | None = None,
    state: str | None = None,
    scope: str | None = None,
    siteAddress: str | None = None,
) -> dict[str, str]:
    connector = _connector(keyOrId)
    if not connector.is_oauth2:
        raise ApiError(400, f"Element '{connector.key}' does not use OAuth 2.0")
    given = {"apiKey": apiKey, "apiSecret": apiSecret, "callbackUrl": callbackUrl}
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise ApiError(400, "Missing query parameters: " + ", ".join(missing))
    assert apiKey is not None and callbackUrl is not None
    root = f"{request.url.scheme}://{request.url.netloc}"
    url = authorize_url(root, apiKey, callbackUrl, state or connector.key, scope)
    return {"element": connector.key, "oauthUrl": url}


def _create(
    runtime: Runtime, account: Account, body: dict[str, Any], connector: Connector
) -> dict[str, Any]:
    name = check_name(body.get("name"))
    tags = check_tags(body.get("tags"))
    configuration = check_configuration(body.get("configuration"))
    check_required_config(connector, configuration)
    with_objects = check_bool(body, "retrieveObjectsAfterInstantiation")
    disabled = check_bool(body, "disabled")
    code = provider_code(body) if connector.is_oauth2 else None
    new = NewInstance(
        org=account.organization_id,
        user_id=account.user_id,
        element_key=connector.key,
        name=name,
        token=new_token(),
        created_date=now_iso(runtime.settings.clock()),
        tags=tags,
        configuration=configuration,
        disabled=bool(disabled),
        objects=[o.to_json() for o in connector.objects] if with_objects else None,
    )
    checker = runtime.codes.checker(configuration.get("oauth.api.key")) if code else None
    record = runtime.store.create_instance(new, claim_code=code, check_code=checker)
    return render(record)


@router.post(
    "/instances",
    response_model=Instance,
    response_model_exclude_none=True,
    tags=["instances"],
    openapi_extra=json_body(InstanceCreateBody),
)
async def create_instance(request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    body = parse_json_object(request.headers.get("content-type"), await request.body())
    connector = connector_from_ref(body.get("element"))
    return _create(runtime, account, body, connector)


@router.post(
    "/elements/{keyOrId}/instances",
    response_model=Instance,
    response_model_exclude_none=True,
    tags=["instances"],
    openapi_extra=json_body(InstanceCreateBody),
)
async def create_element_instance(
    keyOrId: str, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    connector = _connector(keyOrId)
    body = parse_json_object(request.headers.get("content-type"), await request.body())
    check_same_element(body, connector)
    return _create(runtime, account, body, connector)


@router.get(
    "/instances",
    response_model=list[Instance],
    response_model_exclude_none=True,
    tags=["instances"],
)
async def list_instances(
    runtime: RuntimeDep,
    account: AccountDep,
    tags_brackets: Annotated[list[str] | None, Query(alias="tags[]")] = None,
    tags: Annotated[list[str] | None, Query()] = None,
) -> Any:
    wanted = set(tags_brackets or []) | set(tags or [])
    records = runtime.store.list_instances(account.organization_id)
    return [render(r) for r in records if wanted.issubset(r.tags)]


def _get(runtime: Runtime, account: Account, instance_id: int) -> InstanceRecord:
    record = runtime.store.get_instance(account.organization_id, instance_id)
    if record is None:
        raise ApiError(404, f"No instance with id {instance_id}")
    return record


@router.get(
    "/instances/{id}", response_model=Instance, response_model_exclude_none=True, tags=["instances"]
)
async def get_instance(id: int, runtime: RuntimeDep, account: AccountDep) -> Any:
    return render(_get(runtime, account, id))


async def _update(
    request: Request, runtime: Runtime, account: Account, instance_id: int, full: bool
) -> dict[str, Any]:
    record = _get(runtime, account, instance_id)
    body = parse_json_object(request.headers.get("content-type"), await request.body())
    connector = _instance_connector(record)
    change = apply_put if full else apply_patch
    updated = runtime.store.update_instance(
        account.organization_id, instance_id, lambda current: change(current, body, connector)
    )
    if updated is None:
        raise ApiError(404, f"No instance with id {instance_id}")
    return render(updated)


@router.patch(
    "/instances/{id}",
    response_model=Instance,
    response_model_exclude_none=True,
    tags=["instances"],
    openapi_extra=json_body(InstanceUpdateBody),
)
async def patch_instance(
    id: int, request: Request, runtime: RuntimeDep, account: AccountDep
) -> Any:
    return await _update(request, runtime, account, id, full=False)


@router.put(
    "/instances/{id}",
    response_model=Instance,
    response_model_exclude_none=True,
    tags=["instances"],
    openapi_extra=json_body(InstanceUpdateBody),
)
async def put_instance(id: int, request: Request, runtime: RuntimeDep, account: AccountDep) -> Any:
    return await _update(request, runtime, account, id, full=True)


@router.delete("/instances/{id}", response_model=Empty, tags=["instances"])
async def delete_instance(id: int, runtime: RuntimeDep, account: AccountDep) -> dict[str, Any]:
    if not runtime.store.delete_instance(account.organization_id, id):
        raise ApiError(404, f"No instance with id {id}")
    return {}


@router.get("/hubs/{hub}/{object}", response_model=list[dict[str, Any]], tags=["hubs"])
async def hub_objects(
    hub: str, object: str, runtime: RuntimeDep, authorization: AuthorizationDep
) -> list[dict[str, Any]]:
    _, record = hub_credentials(
        runtime.settings.accounts, authorization, runtime.store.find_by_token
    )
    connector = _instance_connector(record)
    if hub != connector.hub:
        raise ApiError(404, f"The instance's element is not in the '{hub}' hub")
    found = connector.hub_object(object)
    if found is None:
        raise ApiError(404, f"Unknown object '{object}' in the '{hub}' hub")
    return [dict(r) for r in found.records]
