"""Serve: exports and the command line (the HTTP API and web UI come later)."""
