"""Distances quoted in text ("about seven kilometres from the citadel") with their anchors."""
