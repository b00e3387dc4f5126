"""What a path is (a regular file, a directory, a FIFO, a dangling link …), found without opening it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import os_reason
from .i18n import Message

_KINDS = (
    (stat.S_ISDIR, Message("a directory")),
    (stat.S_ISFIFO, Message("a FIFO (named pipe)")),
    (stat.S_ISCHR, Message("a character device")),
    (stat.S_ISBLK, Message("a block device")),
    (stat.S_ISSOCK, Message("a socket")),
)
ODD_FILE_HINT = Message("llmkg reads data only from regular .yaml files; remove it or give another path")


def file_kind(path: Path) -> str:
    """What `path` is: "file" (a regular file, through symbolic links), "directory", "missing",
    or a description of anything else ("a FIFO (named pipe)", "a dangling symbolic link", …).

    Only stat() is used: nothing is opened, so a FIFO cannot block and a device is not read. A
    description is a Message, said in the user's language where it is shown."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Message("a symbolic link loop")
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if not os.path.islink(path):
                return "missing"
            try:
                return Message("a dangling symbolic link (to {target})", target=os.readlink(path))
            except OSError:
                return Message("a dangling symbolic link")
        return Message("a path that cannot be examined ({reason})", reason=os_reason(exc))
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "directory"
    return describe_mode(mode)


def describe_mode(mode: int) -> str:
    """What a file that is not a regular one is, from its st_mode."""
    return next((what for test, what in _KINDS if test(mode)), Message("not a file"))
