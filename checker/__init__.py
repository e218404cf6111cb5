"""The backend-katas checker: runs a kata's tests, explains failures, records progress."""
