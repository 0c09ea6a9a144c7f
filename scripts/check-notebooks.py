"""Validates notebooks against nbformat's JSON schema and counts their outputs, for the Swift tests.

Usage: .build/venv/bin/python scripts/check-notebooks.py FILE.ipynb...

Prints one JSON object per file: its nbformat version, whether it is valid (and nbformat's error
when not), its cell types, and how many outputs of each kind its code cells hold (streams, HTML,
SVG, SVG with an alt text, errors with their names and first traceback lines, executed cells). Exits 1
when a file does not validate. Nothing is judged here beyond validity: the tests read the counts.
"""

import copy
import json
import sys

import nbformat


def summary(path):
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)
    notebook = nbformat.from_dict(raw)
    result = {"path": path, "nbformat": [notebook.nbformat, notebook.nbformat_minor], "valid": True}
    checked = copy.deepcopy(raw)
    try:
        nbformat.validate(checked)
    except nbformat.ValidationError as error:
        result["valid"] = False
        result["error"] = str(error).splitlines()[0]
    # validate() repairs missing or repeated cell ids in place; the file as written must need no repair.
    ids = [cell.get("id") for cell in raw.get("cells", [])]
    if checked != raw or None in ids or len(set(ids)) != len(ids):
        result["valid"] = False
        result["error"] = result.get("error", "cell ids missing or repeated")
    counts = {"stream": 0, "text/html": 0, "image/svg+xml": 0, "alt": 0, "error": 0, "executed": 0}
    tracebacks = []
    enames = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if cell.execution_count is not None:
            counts["executed"] += 1
        for output in cell.outputs:
            kind = output.output_type
            if kind == "stream":
                counts["stream"] += 1
            elif kind == "error":
                counts["error"] += 1
                tracebacks.append(output.traceback[0] if output.traceback else "")
                enames.append(output.ename)
            elif kind in ("display_data", "execute_result"):
                for mime in ("text/html", "image/svg+xml"):
                    if mime in output.data:
                        counts[mime] += 1
                if output.metadata.get("image/svg+xml", {}).get("alt"):
                    counts["alt"] += 1
    result["cells"] = [cell.cell_type for cell in notebook.cells]
    result["outputs"] = counts
    result["tracebacks"] = tracebacks
    result["enames"] = enames
    return result


def main(paths):
    valid = True
    for path in paths:
        result = summary(path)
        valid = valid and result["valid"]
        print(json.dumps(result, sort_keys=True))
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
