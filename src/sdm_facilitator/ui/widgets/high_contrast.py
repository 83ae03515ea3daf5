"""The high-contrast theme: black background, white text, yellow focus and strong marks."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = "sdm-high-contrast"


def high_contrast_theme() -> Theme:
    return Theme(
        name=HIGH_CONTRAST,
        primary="#FFFF00",
        secondary="#00FFFF",
        accent="#FFFF00",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#1A1A1A",
        success="#00FF00",
        warning="#FFB000",
        error="#FF5555",
        dark=True,
        variables={
            # Muted and disabled text stay bright: on black, Textual's usual
            # 60% and 38% blends (and "dim" on top) come out dark grey.
            "text-muted": "#FFFFFF",
            "foreground-muted": "#FFFFFF",
            "text-disabled": "#FFFFFF",
            "foreground-disabled": "#D0D0D0",
            "footer-key-foreground": "#FFFF00",
            "block-cursor-background": "#FFFF00",
            "block-cursor-foreground": "#000000",
            "block-cursor-text-style": "bold",
            "input-selection-background": "#FFFF00 40%",
            "border": "#FFFFFF",
        },
    )
