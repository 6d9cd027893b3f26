"""Shared build / validate / render logic of the Flickr30k-Entities-format photo datasets.

Each dataset's tools/build.py, tools/validate.py and tools/render_boxes.py is a thin wrapper
that passes its own settings (dataset root, split files, how the split is written, required
phrase types, minimum people boxes per image, title). Standard library + PIL only, so the
wrappers keep running with /usr/bin/python3 and python3-pil.

Sentences are parsed like flickr30k_entities_utils.get_sentence_data (bracket markup,
space-separated tokens), annotations like get_annotations (1-based XML -> 0-based boxes by
subtracting 1 from all four coordinates).
"""
import argparse
import collections
import os
import re
import xml.etree.ElementTree as ET

from PIL import Image, ImageDraw

TYPES = ["people", "clothing", "bodyparts", "animals", "vehicles", "instruments", "scene", "other"]
ALL_TYPES = TYPES + ["notvisual"]
HEADER = re.compile(r"^\[/EN#(\d+)((?:/[a-z]+)+)$")
COLORS = [(255, 0, 0), (0, 200, 0), (0, 90, 255), (255, 160, 0), (200, 0, 200), (0, 200, 200),
          (255, 255, 0), (128, 64, 0), (255, 105, 180), (0, 0, 0)]


def test_only_split(images):
    """All ids, in source order, into test.txt."""
    return [("test", list(images))]


def alternating_dev_test_split(images):
    """Split rule fixed before any model was run: sorted ids, even positions -> dev, odd -> test."""
    ids = sorted(images)
    return [("dev", ids[0::2]), ("test", ids[1::2])]


def read_split_ids(root, split_files):
    """The ids of all split files, concatenated in the order given."""
    ids = []
    for name in split_files:
        ids += open(os.path.join(root, name)).read().split()
    return ids


# ---------------------------------------------------------------- parsing

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


# ---------------------------------------------------------------- build

def xml_for(root, image_id, spec):
    im = Image.open(os.path.join(root, "images", spec["file"]))
    w, h = im.size
    depth = len(im.getbands())
    out = ["<annotation>", "\t<filename>%s</filename>" % spec["file"], "\t<size>",
           "\t\t<width>%d</width>" % w, "\t\t<height>%d</height>" % h,
           "\t\t<depth>%d</depth>" % depth, "\t</size>"]
    for names, x1, y1, x2, y2 in spec["boxes"]:
        if not (0 <= x1 < x2 <= w - 1 and 0 <= y1 < y2 <= h - 1):
            raise SystemExit("%s: box %r outside %dx%d" % (image_id, (x1, y1, x2, y2), w, h))
        out.append("\t<object>")
        out += ["\t\t<name>%d</name>" % n for n in names]
        # 1-based, as in Flickr30k Entities (importers subtract 1 from all four)
        out += ["\t\t<bndbox>", "\t\t\t<xmin>%d</xmin>" % (x1 + 1), "\t\t\t<ymin>%d</ymin>" % (y1 + 1),
                "\t\t\t<xmax>%d</xmax>" % (x2 + 1), "\t\t\t<ymax>%d</ymax>" % (y2 + 1), "\t\t</bndbox>",
                "\t</object>"]
    for key, scene, nobox in (("scene", 1, 0), ("nobox", 0, 1)):
        for n in spec.get(key, []):
            out += ["\t<object>", "\t\t<name>%d</name>" % n, "\t\t<scene>%d</scene>" % scene,
                    "\t\t<nobndbox>%d</nobndbox>" % nobox, "\t</object>"]
    out.append("</annotation>")
    return "\n".join(out) + "\n"


def build(root, images, split):
    """Write Sentences/<id>.txt, Annotations/<id>.xml and the split files split(images) names."""
    os.makedirs(os.path.join(root, "Sentences"), exist_ok=True)
    os.makedirs(os.path.join(root, "Annotations"), exist_ok=True)
    for image_id, spec in images.items():
        assert os.path.splitext(spec["file"])[0] == image_id, image_id
        with open(os.path.join(root, "Sentences", image_id + ".txt"), "w") as f:
            f.write("\n".join(spec["sents"]) + "\n")
        with open(os.path.join(root, "Annotations", image_id + ".xml"), "w") as f:
            f.write(xml_for(root, image_id, spec))
    for name, part in split(images):
        with open(os.path.join(root, name + ".txt"), "w") as f:
            f.write("\n".join(part) + "\n")
    print("wrote %d images" % len(images))


# ---------------------------------------------------------------- validate

def validate(root, split_files, required, min_people_boxes, title):
    """Parse the whole dataset back, check it and print per-type counts; return the exit status.

    required: phrase types that must occur at least once; min_people_boxes: distinct boxes of
    people chains every image needs (0: no check)."""
    errors = []
    ids = read_split_ids(root, split_files)
    if len(ids) != len(set(ids)):
        if len(split_files) == 1:
            errors.append("duplicate ids in %s" % split_files[0])
        else:
            errors.append("duplicate ids in %s (the splits must not overlap)" % "/".join(split_files))
    c = {k: collections.Counter() for k in ("images", "sentences", "phrases", "chains", "boxes", "evaluable")}
    n_sent = n_phr = n_box_obj = n_shared = n_multi_box_chains = 0
    for iid in ids:
        try:
            sents = read_sentences(os.path.join(root, "Sentences", iid + ".txt"))
            ann = read_annotation(os.path.join(root, "Annotations", iid + ".xml"))
        except (ValueError, OSError, ET.ParseError, AttributeError, TypeError) as e:
            errors.append("%s: %s" % (iid, e))
            continue
        im = Image.open(os.path.join(root, "images", ann["filename"] or ""))
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
        if min_people_boxes:
            people_boxes = {tuple(b) for pid, types in chain_types.items() if "people" in types
                            for b in boxes.get(pid, [])}
            if len(people_boxes) < min_people_boxes:
                errors.append("%s: fewer than %d distinct people boxes" % (iid, min_people_boxes))
        for n in set(boxes) | scene | nobox:
            if n not in chain_types:
                errors.append("%s: XML chain %s is not mentioned in Sentences" % (iid, n))
    for t in required:
        if c["phrases"][t] == 0:
            errors.append("no phrase of type %s" % t)

    print("%s: %d images, %d sentences, %d phrases, %d box objects "
          "(%d shared by several chains), %d chains with several boxes" %
          (title, len(ids), n_sent, n_phr, n_box_obj, n_shared, n_multi_box_chains))
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


# ---------------------------------------------------------------- render

def render(root, image_id, out_dir):
    """Draw every box of one image with its chain ids and phrases; return the PNG's path."""
    ann = read_annotation(os.path.join(root, "Annotations", image_id + ".xml"))
    phrases = {}
    for sent in read_sentences(os.path.join(root, "Sentences", image_id + ".txt")):
        for p in sent["phrases"]:
            phrases.setdefault(p["phrase_id"], p["phrase"])
    im = Image.open(os.path.join(root, "images", ann["filename"])).convert("RGB")
    d = ImageDraw.Draw(im)
    for obj in ann["objects"]:
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


def render_main(root, split_files, default_out, sort_ids):
    """Command line of render_boxes.py: [--out DIR] [ids...]; no ids = every id of the splits."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=default_out)
    ap.add_argument("ids", nargs="*")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    ids = a.ids or read_split_ids(root, split_files)
    if not a.ids and sort_ids:
        ids = sorted(ids)
    for i in ids:
        print(render(root, i, a.out))
