"""The small registries: publicised models, commendations, social support organisations."""
