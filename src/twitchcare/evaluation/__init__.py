"""Assessment test cases: reading them, turning them into facts, and scoring predictions."""
