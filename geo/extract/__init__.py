"""Extraction: control-change events and quoted distances from one article (pure: article and gazetteer in, records out)."""
