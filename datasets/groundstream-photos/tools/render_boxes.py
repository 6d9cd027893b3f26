#!/usr/bin/python3
"""Draw every ground-truth box of the benchmark (parsed back from Annotations/*.xml and
Sentences/*.txt) with its chain ids and phrases onto copies of the images in an output folder.

Usage: /usr/bin/python3 tools/render_boxes.py [--out /tmp/groundstream-photos-render] [ids...]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# the shared logic lives in <repo>/tools/datasets/flickr_entities.py
sys.path.insert(0, os.path.join(ROOT, os.pardir, os.pardir, "tools", "datasets"))
import flickr_entities as fe  # noqa: E402

if __name__ == "__main__":
    fe.render_main(ROOT, ["test.txt"], "/tmp/groundstream-photos-render", sort_ids=False)
