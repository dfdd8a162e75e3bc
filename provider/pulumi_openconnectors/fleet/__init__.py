"""Fleets of stacks: one operation over many tenants' stacks, P at once, on the Automation API.

Modules: :mod:`.model` (the fleet file), :mod:`.secrets` (secret references), :mod:`.shard`
(``--shard I/N``), :mod:`.tenant_config` (a tenant's stack config), :mod:`.program` (the program
every stack runs), :mod:`.engine` (the CLI, one session per `pulumi`), :mod:`.runner`,
:mod:`.events`, :mod:`.progress`, :mod:`.results` (results and state file), :mod:`.summary`,
:mod:`.recovery` (stale locks, pending operations, orphans), :mod:`.cli`.
"""
