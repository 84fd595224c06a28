"""The event store: an SQLite/GeoPackage file holding the extraction of a corpus, read back as an analysis result."""
