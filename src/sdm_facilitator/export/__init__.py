"""Exports: the meeting as readable text or JSON, for the command line and sharing."""
