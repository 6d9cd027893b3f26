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

SPLIT_FILES = ["test.txt"]
# every phrase type must occur
REQUIRED = fe.TYPES
MIN_PEOPLE_BOXES = 0

if __name__ == "__main__":
    sys.exit(fe.validate(ROOT, SPLIT_FILES, REQUIRED, MIN_PEOPLE_BOXES, "GroundStream photo benchmark"))
