"""Asks an X11 window to close, as a window manager's close button does.

Sends WM_DELETE_WINDOW (a WM_PROTOCOLS client message) to every top-level window whose
title is the first argument; exits 1 when there is none. The test display has no window
manager, so this is how a test clicks "close".
"""

import sys

from Xlib import X, display, protocol


def windows(window):
    """Every window below `window`, depth first."""
    for child in window.query_tree().children:
        yield child
        yield from windows(child)


def main(title: str) -> int:
    screen = display.Display()
    protocols = screen.intern_atom("WM_PROTOCOLS")
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    asked = 0
    for window in windows(screen.screen().root):
        if window.get_wm_name() != title:
            continue
        message = protocol.event.ClientMessage(
            window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        window.send_event(message, event_mask=X.NoEventMask)
        asked += 1
    screen.flush()
    return 0 if asked else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
