"""Bulletins (信息简报): numbered issues the office publishes to every unit."""
