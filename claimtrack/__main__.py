from claimtrack.cli import entry

entry()
