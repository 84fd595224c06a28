"""The fold: events and baseline rows into the control state of every place on every date."""
