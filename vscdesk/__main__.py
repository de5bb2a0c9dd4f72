"""Allow ``python -m vscdesk``."""

import sys

from vscdesk.cli import main

sys.exit(main())
