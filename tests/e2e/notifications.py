"""A desktop notification server for tests.

Owns org.freedesktop.Notifications on the session bus (the private one of the test run)
and appends each notification it is sent to the file named on the command line, as one
JSON object per line: {"id": ..., "app": ..., "summary": ..., "body": ..., "actions": [...]}.
Prints "ready" once the name is owned. A line "click ID" on its standard input clicks
notification ID, as a user would: the server reports its "default" action invoked.
"""

import asyncio
import json
import sys

from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method, signal


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
        record = {
            "id": self.last_id,
            "app": app_name,
            "summary": summary,
            "body": body,
            "actions": actions,
        }
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
        return self.last_id

    @method()
    def GetCapabilities(self) -> "as":  # noqa: N802
        return ["actions", "body"]

    @method()
    def GetServerInformation(self) -> "ssss":  # noqa: N802
        return ["aitems-desk-test-recorder", "aitems-desk", "1.0", "1.2"]

    @method()
    def CloseNotification(self, notification_id: "u") -> None:  # noqa: N802
        return None

    @signal()
    def ActionInvoked(self, notification_id: "u", action_key: "s") -> "us":  # noqa: N802
        return [notification_id, action_key]


async def clicks(server: Notifications) -> None:
    """Clicks the notifications named on standard input ("click ID"), until it ends."""
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        command, _, notification_id = line.strip().partition(" ")
        if command == "click":
            server.ActionInvoked(int(notification_id), "default")


async def main(log_path: str) -> None:
    bus = await MessageBus().connect()
    server = Notifications(log_path)
    bus.export("/org/freedesktop/Notifications", server)
    await bus.request_name("org.freedesktop.Notifications")
    print("ready", flush=True)
    clicking = asyncio.create_task(clicks(server))
    try:
        await bus.wait_for_disconnect()
    except EOFError:
        pass  # the test run's bus went away: the run is over
    clicking.cancel()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
