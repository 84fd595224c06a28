"""Extraction: control-change events and quoted distances from one article.

Pure functions: an article and a gazetteer in, records out.
"""
