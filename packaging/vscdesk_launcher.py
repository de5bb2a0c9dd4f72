"""Entry point of the frozen bundle: the same ``vscdesk`` command as the installed script."""

import sys

from vscdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
