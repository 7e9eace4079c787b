"""The README's Python example runs and prints what the README says it prints."""

import ast
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_python_example_in_the_readme_is_true():
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    lines = block.splitlines()
    namespace: dict = {}
    code: list[str] = []
    checked = 0
    for line, following in zip(lines, lines[1:] + [""]):
        if following.startswith("# ") and not line.startswith("#"):
            exec("\n".join(code), namespace)
            code = []
            assert eval(line, namespace) == ast.literal_eval(following[2:]), line
            checked += 1
        elif not line.startswith("# "):
            code.append(line.split("  # ")[0])
    exec("\n".join(code), namespace)
    assert checked == 2
