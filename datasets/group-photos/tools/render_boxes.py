#!/usr/bin/python3
"""Draw every ground-truth box of the benchmark (parsed back from Annotations/*.xml and
Sentences/*.txt) with its chain ids and phrases onto copies of the images in an output folder.

Usage: /usr/bin/python3 tools/render_boxes.py [--out /tmp/group-photos-render] [ids...]
"""
import argparse
import os
import sys

from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from validate import read_annotation, read_sentences  # noqa: E402

COLORS = [(255, 0, 0), (0, 200, 0), (0, 90, 255), (255, 160, 0), (200, 0, 200), (0, 200, 200),
          (255, 255, 0), (128, 64, 0), (255, 105, 180), (0, 0, 0)]


def render(image_id, out_dir):
    ann = read_annotation(os.path.join(ROOT, "Annotations", image_id + ".xml"))
    phrases = {}
    for sent in read_sentences(os.path.join(ROOT, "Sentences", image_id + ".txt")):
        for p in sent["phrases"]:
            phrases.setdefault(p["phrase_id"], p["phrase"])
    im = Image.open(os.path.join(ROOT, "images", ann["filename"])).convert("RGB")
    d = ImageDraw.Draw(im)
    for k, obj in enumerate(ann["objects"]):
        if obj["box"] is None:
            continue
        x1, y1, x2, y2 = obj["box"]  # 0-based after import
        c = COLORS[int(obj["names"][0]) % len(COLORS)]
        d.rectangle([x1, y1, x2, y2], outline=c, width=2)
        label = ",".join(obj["names"]) + ": " + " | ".join(phrases.get(n, "?") for n in obj["names"])
        tw = 6 * len(label)
        ty = y1 + 2 if y1 < 12 else y1 - 11
        d.rectangle([x1, ty, x1 + tw, ty + 10], fill=c)
        d.text((x1 + 1, ty), label, fill=(255, 255, 255) if sum(c) < 400 else (0, 0, 0))
    path = os.path.join(out_dir, image_id + ".png")
    im.save(path)
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/group-photos-render")
    ap.add_argument("ids", nargs="*")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    ids = a.ids or sorted(open(os.path.join(ROOT, "dev.txt")).read().split() + open(os.path.join(ROOT, "test.txt")).read().split())
    for i in ids:
        print(render(i, a.out))


if __name__ == "__main__":
    main()
