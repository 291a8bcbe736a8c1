"""The terminal adapter: thin Typer commands around the core. Heavy imports live inside commands."""
