"""Maintenance scripts for the book (not part of makemore_lib)."""
