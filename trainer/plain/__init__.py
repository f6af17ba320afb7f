"""Plain mode: backtrainer in lines, not a grid (screen readers, braille displays, slow links, pipes)."""
