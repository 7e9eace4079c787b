"""Ray Data pipeline for corpora that outgrow one machine: `khabar ray analyze` and `khabar ray import`.

`rows` and `documents` are plain Python (no Ray); `dataset` needs the optional `ray` extra.
"""
