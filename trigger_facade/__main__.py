"""python -m trigger_facade: the same as the trigger-facade command."""

import sys

from .cli import main

sys.exit(main())
