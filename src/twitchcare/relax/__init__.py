"""Guided relaxation: session plans from the knowledge, logging to the diary, programmes."""
