"""How `--help` is laid out: a description wrapped to the terminal, examples as written (a command
wider than the terminal broken with a shell line continuation, so it still copies and runs)."""

from __future__ import annotations

import argparse
import re


def examples(*lines: str) -> str:
    return "example:\n" + "\n".join(f"  {line}" for line in lines)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """A description wrapped to the terminal, as argparse wraps help; the examples (the epilog)
    as written, but a command wider than the terminal is broken at a space outside quotes with
    a shell line continuation, so it still copies and runs (a comment after it goes above it)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not text.startswith("example:"):
            return argparse.HelpFormatter._fill_text(self, text, width, indent)
        out = []
        for line in text.splitlines():
            command, hash_, comment = line.partition("  # ")
            if len(line) > width and hash_:
                out.append(f"  # {comment}")
                line = command.rstrip()
            words = re.findall(r"(?:'[^']*'|\"[^\"]*\"|[^\s'\"])+", line)
            for i in range(len(words) - 1, 0, -1):  # a flag and its value stay on one line
                if words[i - 1].startswith("--") and not words[i].startswith("-"):
                    words[i - 1:i + 1] = [f"{words[i - 1]} {words[i]}"]
            current = line[:len(line) - len(line.lstrip())]
            for word in words:
                if current.strip() and len(current) + 1 + len(word) + 2 > width:
                    out.append(current + " \\")
                    current = "      "
                current += word if not current.strip() else " " + word
            out.append(current)
        return "\n".join(indent + line for line in out)
