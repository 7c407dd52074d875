"""``python -m eventwire ...`` runs the command line, as ``eventwire ...`` does."""
from .cli import main

if __name__ == "__main__":
    main(prog_name="eventwire")
