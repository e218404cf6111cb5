"""Not in the manifest."""
