"""`python -m followup_kit` runs the command line, like `followup-kit`."""

from .cli import main

main(prog_name="followup-kit")
