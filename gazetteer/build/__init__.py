"""Scripts that derive the packaged gazetteer data from registry packages (see data/PROVENANCE.md)."""
