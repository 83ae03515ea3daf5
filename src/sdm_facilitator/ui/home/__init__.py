"""The meetings list, the first-run welcome and the new-meeting form."""
