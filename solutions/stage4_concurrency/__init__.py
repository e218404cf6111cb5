"""Stage 4 reference solutions: Concurrency & the Runtime."""
