"""Stage 1 reference solutions: Foundations & Mental Models."""
