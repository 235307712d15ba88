"""Allow `python -m trekant`."""

from trekant.cli.main import main

main()
