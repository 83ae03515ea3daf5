"""The meeting workspace: the screen, its side list of sections and one module per section."""
