"""The app's screens, one per module: timeline, review, scores, help."""
