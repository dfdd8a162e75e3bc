"""``python -m pulumi_openconnectors``: see :mod:`pulumi_openconnectors.cli`."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
