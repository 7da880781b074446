"""Accounts: create, edit, move, deactivate, unlock; one-time codes; bulk creation."""
