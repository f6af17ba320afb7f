"""The seam between the screens and everything else: plans, the session recorder, settings, the journal."""
