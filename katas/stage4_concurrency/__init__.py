"""Stage 4 katas: Concurrency & the Runtime."""
