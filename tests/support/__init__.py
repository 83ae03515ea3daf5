"""Helpers shared by the tests: fixtures, meetings made the app's way, Pilot steps, real processes."""
