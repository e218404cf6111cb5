"""Fixture workbook."""
