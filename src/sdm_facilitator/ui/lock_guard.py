"""The app's side of an encrypted store: unlock at start, lock again when idle.

- At start, a locked store shows ``UnlockScreen`` before anything else; the
  data key it returns becomes the store's cipher.
- While the app runs, every key press and click restarts the idle count
  (``domain/session_lock.IdleLock``, limit from the ``idle_lock_minutes``
  setting). When it runs out the unlock screen is pushed over everything.
  The screens below stay as they are, in memory: text being typed is kept
  and nothing extra is written to disk. Notifications (which may quote a
  name) are cleared first.
- Private family time (a screen with ``blocks_quit``) never locks: the
  family is alone with a screen that shows no names, and an unlock there
  would lead back to the coordinator's notes. The count starts again when
  family time ends.

A plain store has none of this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sdm_facilitator.domain.session_lock import IdleLock, UnlockThrottle
from sdm_facilitator.storage.settings import load_settings
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.contracts import LockScreen, MayBlockQuit

if TYPE_CHECKING:
    from textual.app import App

IDLE_CHECK_SECONDS = 5.0


class LockGuard:
    """Owns the idle count and the passphrase throttle of one app."""

    def __init__(self, app: App[Any], clock: Callable[[], object]) -> None:
        self.app = app
        self.throttle = UnlockThrottle(clock)  # type: ignore[arg-type]
        minutes = load_settings(sdm_app(app).data_dir)[0].idle_lock_minutes
        self.idle = IdleLock(minutes, clock)  # type: ignore[arg-type]
        self._watching = False

    @property
    def active(self) -> bool:
        return bool(sdm_app(self.app).store.encrypted)

    def unlock_first(self, then: Callable[[], None]) -> bool:
        """Show the unlock screen if the store is locked; ``then()`` once unlocked. False if not needed."""
        if not sdm_app(self.app).store.locked:
            return False
        from sdm_facilitator.ui.home.unlock import UnlockScreen

        def unlocked(data_key: bytes | None) -> None:
            from sdm_facilitator.storage.crypto import FileCipher

            if data_key is None:
                return
            sdm_app(self.app).store.cipher = FileCipher(data_key)
            sdm_app(self.app).note_store_changed()
            self.idle.touch()
            then()

        self.app.push_screen(UnlockScreen(sdm_app(self.app).data_dir, self.throttle), unlocked)
        return True

    def start_watching(self) -> None:
        """Check the idle time every few seconds from now on (once an encrypted store is in use)."""
        if self.active and not self._watching:
            self._watching = True
            self.idle.touch()
            self.app.set_interval(IDLE_CHECK_SECONDS, self.check)

    def activity(self) -> None:
        self.idle.touch()

    def check(self) -> bool:
        """Lock now if the idle time has run out; True if it locked."""
        if not self.active or isinstance(self.app.screen, LockScreen):
            return False
        private = isinstance(self.app.screen, MayBlockQuit) and self.app.screen.blocks_quit
        if private:
            self.idle.pause()
            return False
        if self.idle.paused:
            self.idle.resume()
        if not self.idle.due():
            return False
        self.lock()
        return True

    def lock(self) -> None:
        """Cover every screen with the unlock screen; the screens below are kept as they are."""
        from sdm_facilitator.ui.home.unlock import UnlockScreen

        self.app.clear_notifications()
        sdm_app(self.app).store.read_ahead.forget()  # no parsed meeting held behind the unlock screen

        def unlocked(_data_key: bytes | None) -> None:
            self.idle.touch()

        self.app.push_screen(UnlockScreen(sdm_app(self.app).data_dir, self.throttle, idle=True), unlocked)
