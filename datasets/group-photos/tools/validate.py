#!/usr/bin/python3
"""Parse the whole benchmark back and check it; print per-type counts.

Sentences are parsed like flickr30k_entities_utils.get_sentence_data (bracket markup,
space-separated tokens), annotations like get_annotations (1-based XML -> 0-based boxes by
subtracting 1 from all four coordinates). Exit status 1 on any error.

Usage: /usr/bin/python3 tools/validate.py
"""
import collections
import os
import re
import sys
import xml.etree.ElementTree as ET

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TYPES = ["people", "clothing", "bodyparts", "animals", "vehicles", "instruments", "scene", "other"]
ALL_TYPES = TYPES + ["notvisual"]
# a set of photos of people: these types must occur (animals, instruments... may not)
REQUIRED = ["people", "clothing", "bodyparts", "other"]
HEADER = re.compile(r"^\[/EN#(\d+)((?:/[a-z]+)+)$")


def read_sentences(path):
    """Return a list of {sentence, phrases:[{first_word_index, phrase, phrase_id, phrase_type}]}."""
    out = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                raise ValueError("%s:%d: empty line" % (path, lineno))
            words, phrases, cur = [], [], None
            for tok in line.split(" "):
                if tok == "":
                    raise ValueError("%s:%d: double space" % (path, lineno))
                if cur is None:
                    if tok.startswith("["):
                        m = HEADER.match(tok)
                        if not m:
                            raise ValueError("%s:%d: bad phrase header %r" % (path, lineno, tok))
                        cur = {"first_word_index": len(words), "phrase_id": m.group(1),
                               "phrase_type": m.group(2)[1:].split("/"), "words": []}
                    elif "[" in tok or "]" in tok:
                        raise ValueError("%s:%d: stray bracket in %r" % (path, lineno, tok))
                    else:
                        words.append(tok)
                else:
                    if "[" in tok:
                        raise ValueError("%s:%d: nested phrase at %r" % (path, lineno, tok))
                    end = tok.endswith("]")
                    w = tok[:-1] if end else tok
                    if not w or "]" in w:
                        raise ValueError("%s:%d: bad token %r" % (path, lineno, tok))
                    cur["words"].append(w)
                    words.append(w)
                    if end:
                        cur["phrase"] = " ".join(cur.pop("words"))
                        phrases.append(cur)
                        cur = None
            if cur is not None:
                raise ValueError("%s:%d: unclosed phrase" % (path, lineno))
            out.append({"sentence": " ".join(words), "phrases": phrases})
    return out


def read_annotation(path):
    root = ET.parse(path).getroot()
    if root.tag != "annotation":
        raise ValueError("%s: root is %s" % (path, root.tag))
    size = root.find("size")
    ann = {"filename": root.findtext("filename"),
           "width": int(size.findtext("width")), "height": int(size.findtext("height")),
           "depth": int(size.findtext("depth")), "objects": []}
    for obj in root.findall("object"):
        names = [n.text.strip() for n in obj.findall("name")]
        if not names:
            raise ValueError("%s: object without <name>" % path)
        bb = obj.findall("bndbox")
        if bb:
            vals = [int(bb[0].findtext(k)) for k in ("xmin", "ymin", "xmax", "ymax")]
            xmin, ymin, xmax, ymax = vals
            if not (1 <= xmin < xmax <= ann["width"] and 1 <= ymin < ymax <= ann["height"]):
                raise ValueError("%s: box %r outside 1..%dx1..%d" % (path, vals, ann["width"], ann["height"]))
            ann["objects"].append({"names": names, "box": [v - 1 for v in vals], "scene": 0, "nobndbox": 0})
        else:
            scene, nob = int(obj.findtext("scene")), int(obj.findtext("nobndbox"))
            if scene + nob != 1:
                raise ValueError("%s: box-less object %r needs exactly one of scene/nobndbox" % (path, names))
            ann["objects"].append({"names": names, "box": None, "scene": scene, "nobndbox": nob})
    return ann


def main():
    errors = []
    dev = open(os.path.join(ROOT, "dev.txt")).read().split()
    test = open(os.path.join(ROOT, "test.txt")).read().split()
    ids = dev + test
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids in dev.txt/test.txt (the splits must not overlap)")
    c = {k: collections.Counter() for k in ("images", "sentences", "phrases", "chains", "boxes", "evaluable")}
    n_sent = n_phr = n_box_obj = n_shared = n_multi_box_chains = 0
    for iid in ids:
        try:
            sents = read_sentences(os.path.join(ROOT, "Sentences", iid + ".txt"))
            ann = read_annotation(os.path.join(ROOT, "Annotations", iid + ".xml"))
        except (ValueError, OSError, ET.ParseError, AttributeError, TypeError) as e:
            errors.append("%s: %s" % (iid, e))
            continue
        im = Image.open(os.path.join(ROOT, "images", ann["filename"] or ""))
        if os.path.splitext(ann["filename"])[0] != iid:
            errors.append("%s: filename %s" % (iid, ann["filename"]))
        if im.size != (ann["width"], ann["height"]) or len(im.getbands()) != ann["depth"]:
            errors.append("%s: size %r/%d != image %r/%d" % (iid, (ann["width"], ann["height"]), ann["depth"],
                                                             im.size, len(im.getbands())))
        if len(sents) < 2:
            errors.append("%s: fewer than 2 sentences" % iid)
        boxes, scene, nobox = collections.defaultdict(list), set(), set()
        for o in ann["objects"]:
            if o["box"] is not None:
                n_box_obj += 1
                n_shared += len(o["names"]) > 1
            for n in o["names"]:
                if o["box"] is not None:
                    boxes[n].append(o["box"])
                elif o["scene"]:
                    scene.add(n)
                else:
                    nobox.add(n)
        chain_types = {}
        img_types = set()
        for s in sents:
            n_sent += 1
            seen_in_sentence = set()
            for p in s["phrases"]:
                n_phr += 1
                pid, types = p["phrase_id"], p["phrase_type"]
                for t in types:
                    if t not in ALL_TYPES:
                        errors.append("%s: unknown type %s" % (iid, t))
                if (pid == "0") != ("notvisual" in types):
                    errors.append("%s: id 0 must be exactly the notvisual phrases (%r)" % (iid, p["phrase"]))
                if pid != "0":
                    if pid in seen_in_sentence:
                        errors.append("%s: chain %s twice in one sentence" % (iid, pid))
                    seen_in_sentence.add(pid)
                    if chain_types.setdefault(pid, types) != types:
                        errors.append("%s: chain %s has types %r and %r" % (iid, pid, chain_types[pid], types))
                    if pid not in boxes and pid not in scene and pid not in nobox:
                        errors.append("%s: chain %s (%s) has no box, scene or nobndbox object" % (iid, pid, p["phrase"]))
                    if "scene" not in types and pid in scene:
                        errors.append("%s: chain %s flagged scene but typed %r" % (iid, pid, types))
                for t in types:
                    c["phrases"][t] += 1
                    img_types.add(t)
                    if boxes.get(pid):
                        c["evaluable"][t] += 1
            c["sentences"].update(set(t for p in s["phrases"] for t in p["phrase_type"]))
        for t in img_types:
            c["images"][t] += 1
        for pid, types in chain_types.items():
            n_multi_box_chains += len(boxes.get(pid, [])) > 1
            for t in types:
                c["chains"][t] += 1
                c["boxes"][t] += len(boxes.get(pid, []))
        people_boxes = {tuple(b) for pid, types in chain_types.items() if "people" in types
                        for b in boxes.get(pid, [])}
        if len(people_boxes) < 2:
            errors.append("%s: fewer than 2 distinct people boxes" % iid)
        for n in set(boxes) | scene | nobox:
            if n not in chain_types:
                errors.append("%s: XML chain %s is not mentioned in Sentences" % (iid, n))
    for t in REQUIRED:
        if c["phrases"][t] == 0:
            errors.append("no phrase of type %s" % t)

    print("GroundStream group-photos benchmark: %d images, %d sentences, %d phrases, %d box objects "
          "(%d shared by several chains), %d chains with several boxes" %
          (len(ids), n_sent, n_phr, n_box_obj, n_shared, n_multi_box_chains))
    print("%-12s %7s %10s %8s %7s %6s %10s" % ("type", "images", "sentences", "phrases", "chains", "boxes", "evaluable"))
    for t in ALL_TYPES:
        print("%-12s %7d %10d %8d %7d %6d %10d" % (t, c["images"][t], c["sentences"][t], c["phrases"][t],
                                                 c["chains"][t], c["boxes"][t], c["evaluable"][t]))
    print("(a phrase with several types counts once per type; 'evaluable' = phrases whose chain has a box)")
    if errors:
        print("\n%d ERROR(S):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all files parse, all boxes inside their images, every chain resolved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
