"""Modal dialogs shared by several areas: confirmations, editors and forms."""
