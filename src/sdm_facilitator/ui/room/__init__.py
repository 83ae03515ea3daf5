"""In the room: the chair's view, quick capture, who is here and private family time."""
