"""The county's units: add, rename, deactivate; townships merged on a date."""
