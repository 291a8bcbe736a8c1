"""nutrition."""
