"""The campaign on the agenda (列入议事日程): meetings and their decisions, tasks per unit,
standing mechanisms."""
