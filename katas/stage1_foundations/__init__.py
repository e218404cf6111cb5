"""Stage 1 katas: Foundations & Mental Models."""
