"""This section on the index of 系统管理 (administration/sections.py)."""
