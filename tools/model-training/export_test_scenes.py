"""Copies the first N scenes of a `groundstream generate --out` folder into a test-resource folder:
the PNGs as they are and one scenes.json with the caption, each phrase's text, character span and
truth boxes (0-based inclusive pixel indices, as the Flickr30k importer yields them; scene phrases
have none). Used for grounding-worker's TrainedModelsTest (no torch needed in CI)."""
import argparse
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET

PHRASE = re.compile(r"\[/EN#(\d+)/(\S+) ([^\]]*)\]")

ap = argparse.ArgumentParser()
ap.add_argument("--root", required=True)
ap.add_argument("--split", default="test")
ap.add_argument("--count", type=int, default=40)
ap.add_argument("--out", required=True)
args = ap.parse_args()
os.makedirs(args.out, exist_ok=True)
ids = [l.strip() for l in open(os.path.join(args.root, args.split + ".txt")) if l.strip()][:args.count]
out = []
for image_id in ids:
    marked = open(os.path.join(args.root, "Sentences", image_id + ".txt")).readline().rstrip("\n")
    boxes = {}
    for obj in ET.parse(os.path.join(args.root, "Annotations", image_id + ".xml")).getroot().iter("object"):
        bb = obj.find("bndbox")
        if bb is not None:
            boxes.setdefault(obj.find("name").text, []).append(
                [int(bb.find(k).text) - 1 for k in ("xmin", "ymin", "xmax", "ymax")])
    caption, phrases, at = "", [], 0
    for m in PHRASE.finditer(marked):
        caption += marked[at:m.start()]
        start = len(caption)
        caption += m.group(3)
        phrases.append({"chain": m.group(1), "type": m.group(2), "text": m.group(3), "start": start,
                        "end": len(caption), "boxes": boxes.get(m.group(1), [])})
        at = m.end()
    caption += marked[at:]
    shutil.copy(os.path.join(args.root, "images", image_id + ".png"), os.path.join(args.out, image_id + ".png"))
    out.append({"imageId": image_id, "caption": caption, "phrases": phrases})
with open(os.path.join(args.out, "scenes.json"), "w") as f:
    f.write('{"source": ' + json.dumps(f"scenes 0-{len(ids) - 1} of {os.path.basename(os.path.normpath(args.root))}"
                                       f" (groundstream generate), split {args.split}") + ',\n "scenes": [\n')
    f.write(",\n".join("  " + json.dumps(s) for s in out))
    f.write("\n]}\n")
