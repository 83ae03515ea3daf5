"""Storage: meetings as TOML files, written atomically and read defensively."""
