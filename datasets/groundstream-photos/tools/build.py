#!/usr/bin/python3
"""Write Sentences/<id>.txt, Annotations/<id>.xml and test.txt from source_annotations.py.

Run from anywhere: /usr/bin/python3 tools/build.py
XML follows Flickr30k Entities (see tools/datasets/flickr_entities.py in the repository root).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# the shared logic lives in <repo>/tools/datasets/flickr_entities.py
sys.path.insert(0, os.path.join(ROOT, os.pardir, os.pardir, "tools", "datasets"))
import flickr_entities as fe  # noqa: E402
sys.path.insert(0, HERE)
from source_annotations import IMAGES  # noqa: E402

if __name__ == "__main__":
    fe.build(ROOT, IMAGES, fe.test_only_split)
