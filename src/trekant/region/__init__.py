"""Region and Municipality: the embedded default dataset and region definitions."""
