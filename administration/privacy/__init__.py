"""How long the county keeps the personal details of archived households and persons, and
the runs that reduced them once that time had passed."""
