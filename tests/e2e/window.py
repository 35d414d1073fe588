"""Does to the app's X11 window what a window manager does: close, minimise, restore.

The test display has no window manager, so this is how a test clicks "close" or
"minimise". Usage: window.py ACTION TITLE, where ACTION is
- close: sends WM_DELETE_WINDOW (a WM_PROTOCOLS client message), as a close button does;
- minimise: unmaps the window and marks it iconic (WM_STATE), as a window manager does
  when asked to iconify it;
- restore: maps it again and marks it normal.
Acts on every top-level window whose title is TITLE; exits 1 when there is none.
"""

import sys

from Xlib import X, Xutil, display, protocol


def windows(window):
    """Every window below `window`, depth first."""
    for child in window.query_tree().children:
        yield child
        yield from windows(child)


def close(screen, window):
    protocols = screen.intern_atom("WM_PROTOCOLS")
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    message = protocol.event.ClientMessage(
        window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
    )
    window.send_event(message, event_mask=X.NoEventMask)


def set_state(screen, window, state):
    wm_state = screen.intern_atom("WM_STATE")
    window.change_property(wm_state, wm_state, 32, [state, X.NONE])


def minimise(screen, window):
    set_state(screen, window, Xutil.IconicState)
    window.unmap()


def restore(screen, window):
    set_state(screen, window, Xutil.NormalState)
    window.map()


ACTIONS = {"close": close, "minimise": minimise, "restore": restore}


def main(action: str, title: str) -> int:
    act = ACTIONS[action]
    screen = display.Display()
    found = 0
    for window in windows(screen.screen().root):
        if window.get_wm_name() != title:
            continue
        act(screen, window)
        found += 1
    screen.sync()
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
