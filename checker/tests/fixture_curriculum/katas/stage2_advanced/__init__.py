"""Fixture stage."""
