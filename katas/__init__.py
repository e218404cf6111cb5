"""The learner's workspace: one folder per stage, each stub beside its tests."""
