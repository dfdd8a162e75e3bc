"""``python -m pulumi_openconnectors.plugin <engine address>``: the plugin (see :mod:`.server`)."""

import sys

from .server import main

sys.exit(main())
