"""Create, adopt, read, update and delete of connector instances through the client.

Used by the provider (provider.py) inside the dynamic-provider process only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...client.models import CreateInstanceRequest, Instance, UpdateInstanceRequest
from ...errors import OpenConnectorsError, ProviderError
from ...markers import CREATE_MARKER_KEY, OWNERSHIP_TAG_PREFIX, user_tags
from ...reconcile import OwnedKind, create_reconciled, delete_owned, new_ownership_tag
from ..operations import Failures, Operations, found_or_none, still_there, to_adopt, to_post
from .event_keys import event_configuration
from .inputs import InstanceInputs
from .rules import configuration_clashes, type_problems
from .spec import SPEC
from .state import imported_events, inputs_from_state, objects_output, outputs


class InstanceOperations(Operations[InstanceInputs]):
    """The resource lifecycle against one API client."""

    spec = SPEC
    inputs_model = InstanceInputs
    # An absent configuration, tags or retrieve_objects means {} / [] / false everywhere
    # (spec defaults in diff, the inputs model in create and update): not stored in state.
    omit_default_inputs = True

    @classmethod
    def check(cls, news: Mapping[str, Any]) -> tuple[dict[str, Any] | None, Failures]:
        """As every type, plus the ownership tag the create will use (CREATE_MARKER_KEY)."""
        inputs, failures = super().check(news)
        if inputs is not None:
            inputs[CREATE_MARKER_KEY] = new_ownership_tag()
        return inputs, failures

    @classmethod
    def rules(cls, inputs: InstanceInputs) -> Failures:
        """``events`` against the rest: a key set both raw and by ``events``, and a type the
        connector's guide does not document."""
        if inputs.events is None:
            return []
        return [
            ("events", message)
            for message in (
                *configuration_clashes(inputs.configuration, inputs.events),
                *type_problems(inputs.element_key, inputs.events),
            )
        ]

    @classmethod
    def imported_inputs(cls, outputs: Mapping[str, Any]) -> dict[str, Any]:
        """As every type, the connector named once (by key when the API gives it)."""
        inputs = super().imported_inputs(outputs)
        if inputs.get("element_key") is not None:
            inputs.pop("element_id", None)
        return inputs

    def create(self, props: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        inputs = self.parse(props)
        if inputs.adopt_instance_id is not None:
            return self.adopt(inputs)
        marked = props.get(CREATE_MARKER_KEY)
        ownership_tag = (
            marked
            if isinstance(marked, str) and marked.startswith(OWNERSHIP_TAG_PREFIX)
            else new_ownership_tag()
        )
        request = CreateInstanceRequest(
            element_key=inputs.element_key,
            element_id=inputs.element_id,
            name=inputs.name,
            configuration=sent_configuration(inputs),
            provider_data=inputs.provider_data,
            tags=[*inputs.tags, ownership_tag],
            retrieve_objects_after_instantiation=inputs.retrieve_objects or None,
        )
        what = f"connector instance {inputs.name!r} ({inputs.element_ref()})"
        instance, late_possible = create_reconciled(self._kind(request), ownership_tag, what)
        if inputs.disabled:
            instance = self._disable_after_create(instance, ownership_tag, what, late_possible)
        outs = outputs(inputs, instance, ownership_tag, objects_output(instance), late_possible)
        return str(instance.id), outs

    def _disable_after_create(
        self, instance: Instance, ownership_tag: str, what: str, late_possible: bool
    ) -> Instance:
        """PATCH disabled=true onto a new instance; if that fails, remove the instance again.

        A failing create is not recorded in the state: leaving the instance behind would orphan
        it, so it is deleted (with anything else carrying its ownership tag) before raising.
        """
        try:
            return self.client.update_instance(instance.id, UpdateInstanceRequest(disabled=True))
        except OpenConnectorsError as exc:
            try:
                delete_owned(self._kind(), instance.id, ownership_tag, look_for_strays=True)
            except OpenConnectorsError as cleanup:
                raise ProviderError(
                    f"created {what} as instance {instance.id} but could not disable it ({exc}) "
                    f"nor delete it again ({cleanup}). It carries the tag {ownership_tag!r}: "
                    f"adopt it with adopt_instance_id={instance.id}, or delete it, then run "
                    "`pulumi up` again."
                ) from None
            raise ProviderError(
                f"creating {what} failed: the instance was created but disabling it failed "
                f"({exc}), so it was deleted again. Run `pulumi up` again."
            ) from None

    def adopt(self, inputs: InstanceInputs) -> tuple[str, dict[str, Any]]:
        """Take over an existing instance: the program becomes the source of truth for its
        name, tags and configuration."""
        instance_id = int(inputs.adopt_instance_id or 0)
        existing = to_adopt(
            lambda: self.client.get_instance(instance_id),
            f"adopt_instance_id={instance_id}: no such connector instance in this "
            "organization (GET /instances/{id} answered 404).",
        )
        element = existing.element
        if element is not None and inputs.element_key not in (None, element.key):
            raise ProviderError(
                f"adopt_instance_id={instance_id}: that instance is a {element.key!r} instance, "
                f"but element_key is {inputs.element_key!r}."
            )
        if element is not None and inputs.element_id not in (None, element.id):
            raise ProviderError(
                f"adopt_instance_id={instance_id}: that instance belongs to element {element.id}, "
                f"but element_id is {inputs.element_id}."
            )
        # A full PUT, not a merging PATCH: afterwards the configuration is exactly the
        # program's (keys it does not declare do not survive unseen). What the program does
        # not manage (``disabled`` when unset) is carried over as the instance has it. No
        # ownership tag: that marks what a create of this provider made (to find it after a
        # lost answer), and an adopted instance keeps exactly the tags the program gives it.
        instance = self.client.replace_instance(
            instance_id, self._full_body(inputs, list(inputs.tags), existing)
        )
        return str(instance.id), outputs(inputs, instance, None, None)

    @staticmethod
    def _full_body(inputs: InstanceInputs, tags: list[str], live: Instance) -> dict[str, Any]:
        """A PUT body: every field the program manages, and the unmanaged ones as they are."""
        disabled = inputs.disabled if inputs.disabled is not None else bool(live.disabled)
        return {
            "name": inputs.name,
            "tags": tags,
            "configuration": sent_configuration(inputs),
            "disabled": disabled,
        }

    def read(self, id_: str, props: Mapping[str, Any]) -> dict[str, Any] | None:
        """The live outputs, or None when the instance no longer exists."""
        instance = found_or_none(lambda: self.client.get_instance(int(id_)))
        if instance is None:
            return None
        inputs = inputs_from_state(props)
        if not props:  # read by its id only (an import): what the API shows in clear
            configuration, events = imported_events(instance)
            inputs = inputs.model_copy(update={"configuration": configuration, "events": events})
        return outputs(
            inputs,
            instance,
            props.get("ownership_tag"),
            props.get("objects"),
            bool(props.get("late_create_possible")),
        )

    def update(self, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any]) -> dict[str, Any]:
        """Send only what changed: a PATCH, or a PUT when a configuration key was removed."""
        inputs = self.parse(news)
        ownership_tag: str | None = olds.get("ownership_tag")
        old_config: dict[str, str] = dict(olds.get("configuration") or {})
        if inputs.events is not None:  # managed: its keys are configuration keys to send
            old_config.update(event_configuration(olds.get("events")))
        new_config = sent_configuration(inputs)
        old_tags = user_tags(list(olds.get("tags") or []), ownership_tag)
        tags = [*inputs.tags, *([ownership_tag] if ownership_tag else [])]
        instance_id = int(id_)
        with still_there(f"connector instance {instance_id}"):
            if set(old_config) - set(new_config):
                # PATCH merges configuration key by key: dropping a key takes a full PUT, which
                # must carry what the program does not manage as the instance has it now.
                live = self.client.get_instance(instance_id)
                body = self._full_body(inputs, tags, live)
                instance = self.client.replace_instance(instance_id, body)
            else:
                patch = UpdateInstanceRequest(
                    name=inputs.name if inputs.name != olds.get("name") else None,
                    tags=tags if sorted(old_tags) != sorted(inputs.tags) else None,
                    configuration=(
                        {k: v for k, v in new_config.items() if old_config.get(k) != v} or None
                    ),
                    disabled=(
                        inputs.disabled
                        if inputs.disabled is not None and inputs.disabled != olds.get("disabled")
                        else None
                    ),
                )
                instance = self.client.update_instance(instance_id, patch)
        return outputs(
            inputs,
            instance,
            ownership_tag,
            olds.get("objects"),
            bool(olds.get("late_create_possible")),
        )

    def delete(self, id_: str, props: Mapping[str, Any]) -> None:
        """Delete; a missing instance is already gone. Strays of a create whose answer was
        lost (flagged in state) are looked for and deleted too."""
        delete_owned(
            self._kind(),
            int(id_),
            props.get("ownership_tag"),
            look_for_strays=bool(props.get("late_create_possible")),
        )

    def _kind(self, request: CreateInstanceRequest | None = None) -> OwnedKind[Instance]:
        """Instances for reconciliation: the ownership marker is one of the instance's tags."""
        client = self.client

        def post() -> Instance:
            return client.create_instance(to_post(request, "create request"))

        def find(marker: str) -> list[Instance]:
            if not marker.startswith(OWNERSHIP_TAG_PREFIX):
                return []  # never sweep by a tag that is not an ownership tag
            return [i for i in client.list_instances(tags=[marker]) if marker in (i.tags or [])]

        return OwnedKind("instance", post, find, client.get_instance, client.delete_instance)


def sent_configuration(inputs: InstanceInputs) -> dict[str, str]:
    """The configuration to send: the program's keys and the ``event.*`` keys of ``events``
    (``rules`` refuses a key given both ways)."""
    return {**inputs.configuration, **event_configuration(inputs.events)}
