"""The Textual user interface: app, screens, widgets and one stylesheet."""
