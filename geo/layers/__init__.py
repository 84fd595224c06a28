"""Map layers for a date: places, inferred control areas, front lines, distance rings, and their styles."""
