"""A desktop notification server for tests.

Owns org.freedesktop.Notifications on the session bus (the private one of the test run)
and appends each notification it is sent to the file named on the command line, as one
JSON object per line: {"app": ..., "summary": ..., "body": ...}. Prints "ready" once the
name is owned.
"""

import asyncio
import json
import sys

from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method


class Notifications(ServiceInterface):
    """The parts of the Desktop Notifications Specification a sender calls."""

    def __init__(self, log_path: str) -> None:
        super().__init__("org.freedesktop.Notifications")
        self.log_path = log_path
        self.last_id = 0

    @method()
    def Notify(  # noqa: N802 - D-Bus method names
        self,
        app_name: "s",
        replaces_id: "u",
        app_icon: "s",
        summary: "s",
        body: "s",
        actions: "as",
        hints: "a{sv}",
        expire_timeout: "i",
    ) -> "u":
        self.last_id += 1
        record = {"app": app_name, "summary": summary, "body": body}
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
        return self.last_id

    @method()
    def GetCapabilities(self) -> "as":  # noqa: N802
        return ["body"]

    @method()
    def GetServerInformation(self) -> "ssss":  # noqa: N802
        return ["aitems-desk-test-recorder", "aitems-desk", "1.0", "1.2"]

    @method()
    def CloseNotification(self, notification_id: "u") -> None:  # noqa: N802
        return None


async def main(log_path: str) -> None:
    bus = await MessageBus().connect()
    bus.export("/org/freedesktop/Notifications", Notifications(log_path))
    await bus.request_name("org.freedesktop.Notifications")
    print("ready", flush=True)
    try:
        await bus.wait_for_disconnect()
    except EOFError:
        pass  # the test run's bus went away: the run is over



if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
