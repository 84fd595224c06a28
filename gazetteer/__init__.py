"""An offline gazetteer: place data, name normalisation, matching in text, geocoding."""
