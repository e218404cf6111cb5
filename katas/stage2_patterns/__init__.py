"""Stage 2 katas: DSA Patterns."""
