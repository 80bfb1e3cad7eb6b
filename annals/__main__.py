"""`python -m annals` runs the command line."""
from annals.cli import app

app(prog_name="annals")
