"""The preparation sections of the workspace, one module each."""
