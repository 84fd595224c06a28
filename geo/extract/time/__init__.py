"""Time expressions in text, resolved against an article's publication date."""
