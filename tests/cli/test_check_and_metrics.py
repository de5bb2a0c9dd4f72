"""vscdesk check (problems and exit codes), vscdesk metrics and vscdesk import-flow."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from vscdesk.cli import main
from vscdesk.storage import load

FLOW_CSV = Path(__file__).parents[2] / "resources" / "examples" / "it-services-flow-items.csv"


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "doc.vsc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_example_is_valid_lists_its_findings_and_exits_0(example_file, capsys):
    assert main(["check", str(example_file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("valid (3 streams, 15 stages); 0 errors, 8 warnings, 5 info")
    assert any("sla-breached procure-device" in line for line in out)
    assert len(out) == 1 + 13


def test_errors_exit_1_and_name_the_object(example_data, tmp_path, capsys):
    sla = example_data["streams"][0]["stages"][1]["slas"][0]
    sla["unit"] = "%"  # a lead time measured in percent
    assert main(["check", str(_write(tmp_path, example_data))]) == 1
    out = capsys.readouterr().out
    assert "1 error," in out and "error   sla-unit-mismatch diagnose-fix" in out


def test_strict_fails_on_warnings(example_file, capsys):
    assert main(["check", "--strict", str(example_file)]) == 1


def test_json_lists_problems_with_codes_and_ids(example_file, capsys):
    assert main(["check", "--json", str(example_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"error": 0, "warning": 8, "info": 5} and data["passed"]
    assert {"severity": "warning", "code": "sla-rollup-exceeds", "object_id": "restore-service",
            "object_kind": "stream"}.items() <= data["problems"][0].items()


def test_unreadable_exits_2_in_json_mode_too(tmp_path, capsys):
    bad = tmp_path / "bad.vsc.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["check", "--json", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("vscdesk: ")


def test_metrics_text_shows_hand_checked_figures(example_file, capsys):
    assert main(["metrics", str(example_file)]) == 0
    out = capsys.readouterr().out
    restore = out.split("\n\n")[0].splitlines()
    # process 5 + 90 + 10 + 360 min; wait 4 + 150 + 360 + 12,960 min; lead 13,939 min
    assert restore[0] == "Restore service for a user"
    assert "7.75 h" in restore[1] and "9.36 d" in restore[2] and "9.68 d" in restore[3]
    assert "3.3 %" in restore[4]  # 465 / 13,939
    assert "51.3 %" in restore[5]  # 0.90 × 0.75 × 0.95 × 0.80
    assert "Review the root cause" in restore[6]  # waits 9 d
    assert "Lane load" in out and "Flow:" not in out  # the example has no flow items


def test_metrics_json_has_raw_numbers(example_file, capsys):
    assert main(["metrics", "--json", str(example_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    fulfil = data["streams"][1]
    assert fulfil["process_minutes"] == 260 and fulfil["wait_minutes"] == 9241
    assert fulfil["activity_ratio"] == pytest.approx(260 / 9501)
    assert fulfil["bottleneck_stage"] == "procure-device"
    engage = next(row for row in data["lane_load"] if row["lane_id"] == "engage")
    assert engage["stages"] == 4 and engage["process_minutes"] == 5 + 10 + 10 + 5


def test_import_flow_then_metrics_show_flow_periods(example_file, tmp_path, capsys):
    out = tmp_path / "with-flow.vsc.json"
    assert main(["import-flow", str(example_file), str(FLOW_CSV), "-o", str(out)]) == 0
    assert "40 flow items in 3 streams" in capsys.readouterr().out
    assert len(load(out).flow_items) == 40
    assert main(["metrics", str(out), "--period", "month"]) == 0
    text = capsys.readouterr().out
    assert "Flow: Restore service for a user" in text and "2024-02" in text


def test_import_flow_bad_rows_write_nothing(example_file, tmp_path, capsys):
    csv = tmp_path / "items.csv"
    csv.write_text("id,type,stream,started\nA-1,bug,restore-service,2024-01-01\n"
                   "A-2,defect,nowhere,2024-01-01\n", encoding="utf-8")
    out = tmp_path / "out.vsc.json"
    assert main(["import-flow", str(example_file), str(csv), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "row 2, column type" in err and "row 3, column stream" in err
    assert not out.exists()


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_check_on_a_device_says_which_and_what(capsys):
    assert main(["check", "/dev/null"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["vscdesk: /dev/null: is not a regular file but a device"]
