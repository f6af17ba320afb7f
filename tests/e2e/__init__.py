"""End-to-end tests: the installed ``backtrainer`` command driven over a real OpenSSH connection."""
