"""`python -m annals` runs the command line (annals.entry: the light commands without Typer)."""
from annals.entry import main

main()
