"""Stage 2 reference solutions: DSA Patterns."""
