"""The selection scripts: the decoding grid (scripts/tune_ner_decoding.py) and the paired bootstrap of two
cross-validation runs (scripts/cv_ner.py)."""

import importlib.util
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_type_bias_grid_is_every_combination_of_type_and_label_biases():
    type_bias_grid = load_script("tune_ner_decoding").type_bias_grid
    grid = type_bias_grid(["ORG=0,0.5", "B-MISC=0,1"])
    assert grid == [{}, {"B-MISC": 1.0}, {"B-ORG": 0.5, "I-ORG": 0.5}, {"B-ORG": 0.5, "I-ORG": 0.5, "B-MISC": 1.0}]
    assert type_bias_grid([]) == [{}]


def test_paired_bootstrap_of_two_runs():
    paired_bootstrap = load_script("cv_ner").paired_bootstrap
    gold = [["B-ORG", "O"], ["B-PERS", "I-PERS"], ["O", "B-LOC"], ["B-MISC", "O"]] * 25
    worse = [["O", "O"], ["B-PERS", "I-PERS"], ["O", "B-LOC"], ["O", "O"]] * 25
    assert paired_bootstrap(gold, gold, gold) == (0.0, 0.0, 0.0)
    delta, low, high = paired_bootstrap(gold, worse, gold)
    assert delta == pytest.approx(100.0 - 200.0 * 50 / (50 + 100))  # F1 of `worse`: 50 correct of 50 predicted, 100 gold
    assert 0 < low <= delta <= high


def test_a_decoding_setting_has_one_name_in_every_run():
    setting_name = load_script("cv_ner").setting_name
    assert setting_name({}) == "crfsuite"
    assert setting_name({"bias": {"O": 0.0}, "consistency": 5.0, "join": ["PERS"], "held_out_f1": 77.35}) == \
        setting_name({"consistency": 5, "join": ["PERS"]})
    assert setting_name({"consistency": 5}) != setting_name({"consistency": 3})
