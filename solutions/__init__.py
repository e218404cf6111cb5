"""Reference solutions, path for path with katas/, plus known-wrong fixtures under */wrong/."""
