#!/bin/sh
# pulumi-language-python: launches the Python language host built from sdk/v3 v3.79.0
# (installed beside this script as pulumi-language-python-host).
#
# That host takes the project's runtime options as flags (-root DIR, -virtualenv PATH); engines
# since then send them over RPC and start the host with the engine address only. This launcher
# finds the project's Pulumi.yaml (from the working directory upwards), reads
# runtime.options.virtualenv, and passes both as the flags the host understands.
here=$(dirname "$0")
root=$PWD
while [ ! -f "$root/Pulumi.yaml" ] && [ ! -f "$root/Pulumi.yml" ] && [ "$root" != "/" ]; do
  root=$(dirname "$root")
done
project="$root/Pulumi.yaml"
[ -f "$project" ] || project="$root/Pulumi.yml"
if [ ! -f "$project" ]; then
  exec "$here/pulumi-language-python-host" "$@"
fi
# The first `virtualenv:` key in the file (it only appears under runtime.options); quotes and
# trailing comments removed.
venv=$(sed -n 's/^[[:space:]]*virtualenv:[[:space:]]*//p' "$project" | head -n 1 \
  | sed -e 's/[[:space:]]#.*$//' -e 's/[[:space:]]*$//' -e "s/^[\"']//" -e "s/[\"']\$//")
if [ -n "$venv" ]; then
  exec "$here/pulumi-language-python-host" -root "$root" -virtualenv "$venv" "$@"
fi
exec "$here/pulumi-language-python-host" -root "$root" "$@"
