"""What the journal says in words: the clinician report (Markdown) and the summaries of ``stats`` and Trends.

Reports read journal entries and the engine's figures; they never touch storage or the screen.
"""
