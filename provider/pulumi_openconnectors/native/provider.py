"""The explicit provider resource (``pulumi:providers:openconnectors``).

Generated from the specs by `python -m pulumi_openconnectors.resources.codegen`: do not edit.
"""

from __future__ import annotations

from ..resources.typed_keywords import ProviderKeywords
from ._base import NativeProvider


class Provider(ProviderKeywords, NativeProvider):
    """Its own endpoint and credentials (several organizations in one program); what
    it leaves unset comes from the OPENCONNECTORS_* environment variables.

    Args:
        resource_name: the Pulumi resource name.
        base_url: the platform API root, e.g. https://…/elements/api-v2
            (``OPENCONNECTORS_BASE_URL``).
        region: an SAP region (us2, eu10, …) when baseUrl is unset (``OPENCONNECTORS_REGION``).
        user_secret: the user secret (``OPENCONNECTORS_USER_SECRET``).
        organization_secret: the organization secret (``OPENCONNECTORS_ORGANIZATION_SECRET``).
        bearer_token: a bearer token instead of the two secrets
            (``OPENCONNECTORS_BEARER_TOKEN``).
        timeout: seconds per HTTP request (``OPENCONNECTORS_TIMEOUT``).
        max_retries: retries of a failed request (``OPENCONNECTORS_MAX_RETRIES``).
        operation_timeout: seconds per resource operation
            (``OPENCONNECTORS_OPERATION_TIMEOUT``).
        concurrency: operations the provider runs at once (4 to 64)
            (``OPENCONNECTORS_CONCURRENCY``).
        opts: the Pulumi resource options.
    """

    _settings = (
        ("baseUrl", False),
        ("region", False),
        ("userSecret", True),
        ("organizationSecret", True),
        ("bearerToken", True),
        ("timeout", False),
        ("maxRetries", False),
        ("operationTimeout", False),
        ("concurrency", False),
    )
