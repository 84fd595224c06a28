"""Reading: corpus folders, text files and their headers, sentences, near-duplicate reports, baseline files."""
