"""Native Arabic event coding: PLOVER types with CAMEO codes, from trigger lexicons and argument rules."""

from khabar.events.coder import EventCoder

__all__ = ["EventCoder"]
