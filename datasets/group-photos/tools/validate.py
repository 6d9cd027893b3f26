#!/usr/bin/python3
"""Parse the whole benchmark back and check it; print per-type counts. Exit status 1 on any error.

Usage: /usr/bin/python3 tools/validate.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# the shared logic lives in <repo>/tools/datasets/flickr_entities.py
sys.path.insert(0, os.path.join(ROOT, os.pardir, os.pardir, "tools", "datasets"))
import flickr_entities as fe  # noqa: E402

SPLIT_FILES = ["dev.txt", "test.txt"]
# a set of photos of people: these types must occur (animals, instruments... may not)
REQUIRED = ["people", "clothing", "bodyparts", "other"]
MIN_PEOPLE_BOXES = 2

if __name__ == "__main__":
    sys.exit(fe.validate(ROOT, SPLIT_FILES, REQUIRED, MIN_PEOPLE_BOXES, "GroundStream group-photos benchmark"))
