"""Stories: syndicated copies and one event reported by many outlets (a later issue)."""
