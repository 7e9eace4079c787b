"""Native Arabic event coding: PLOVER types with CAMEO codes, from trigger lexicons and argument rules.

`EventCoder` (khabar.events.coder) is imported on first use, so that the command line does not load the coder
for commands that do not use it.
"""

from __future__ import annotations

__all__ = ["EventCoder"]


def __getattr__(name: str):
    if name in __all__:
        from khabar.events import coder

        return getattr(coder, name)
    raise AttributeError(name)
